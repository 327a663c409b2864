import { expect, fixture, html } from '@open-wc/testing';
import { ArticleRating } from '../../src/article-rating/article-rating.js';
import { OpinionPoll } from '../../src/opinion-poll/opinion-poll.js';
import { ShareBar } from '../../src/share-bar/share-bar.js';
import { ratingMessages } from '../../src/article-rating/article-rating.messages.js';
import { languageOf, registerLocale } from '../../src/internal/i18n.js';
import { Translator, translatorFor } from '../../src/internal/translator.js';
import { shadowText, until } from '../helpers.js';

ArticleRating.define();
OpinionPoll.define();
ShareBar.define();

const label = (el: Element) => shadowText(el, '[part="label"]');

describe('i18n', () => {
  it('writes English plurals and numbers', () => {
    const t = new Translator('en', ratingMessages);
    expect([1, 4, 0, 21].map((count) => t.t('voteCount', { count }))).to.deep.equal(['1 vote', '4 votes', '0 votes', '21 votes']);
    expect(t.number(4.5, 1)).to.equal('4.5');
    expect(t.number(1234)).to.equal('1,234');
    expect(t.percent(31)).to.equal('31%');
  });

  it('writes Russian plurals and numbers', () => {
    const t = new Translator('ru', ratingMessages);
    expect([1, 4, 5, 11, 21, 22, 25, 108].map((count) => t.t('voteCount', { count }))).to.deep.equal([
      '1 голос', '4 голоса', '5 голосов', '11 голосов', '21 голос', '22 голоса', '25 голосов', '108 голосов',
    ]);
    expect(t.number(4.5, 1)).to.equal('4,5');
    expect(t.percent(31)).to.equal('31\u00a0%');
  });

  it('takes a regional tag to its language and an unknown language to English', () => {
    expect(new Translator('ru-RU', ratingMessages).t('ratingLabel')).to.equal('Оцените статью');
    expect(new Translator('xx', ratingMessages).t('ratingLabel')).to.equal('Rate this article');
  });

  it('finds the language on the element, an ancestor across shadow roots, or the document', async () => {
    const host = await fixture(html`<div lang="ru"><span></span></div>`);
    const shadow = host.querySelector('span')!.attachShadow({ mode: 'open' });
    const inner = document.createElement('b');
    shadow.append(inner);
    expect(languageOf(inner)).to.equal('ru');
    inner.setAttribute('lang', 'en-GB');
    expect(languageOf(inner)).to.equal('en-GB');
    expect(languageOf(document.body)).to.equal(document.documentElement.lang || 'en');
  });

  it('lets a site override a string and add a language, and elements re-render', async () => {
    const el = await fixture<ArticleRating>(html`<article-rating article-id="a" votes="2" average="4" readonly lang="de"></article-rating>`);
    expect(shadowText(el, '[part="label"]')).to.equal('Rate this article');
    registerLocale('de', { ratingLabel: 'Bewerten Sie diesen Artikel', voteCount: { one: '{count} Stimme', other: '{count} Stimmen' } });
    await until(() => shadowText(el, '[part="label"]') === 'Bewerten Sie diesen Artikel', 'the German label');
    expect(translatorFor(el, ratingMessages).t('voteCount', { count: 2 })).to.equal('2 Stimmen');
    registerLocale('en', { ratingLabel: 'Rate this story' });
    expect(new Translator('en', ratingMessages).t('ratingLabel')).to.equal('Rate this story');
    registerLocale('en', { ratingLabel: 'Rate this article' });
  });

  it('follows a change of the document language', async () => {
    const el = await fixture<ArticleRating>(html`<article-rating article-id="a" votes="5" average="4" readonly></article-rating>`);
    const before = document.documentElement.lang;
    document.documentElement.lang = 'ru';
    try {
      await until(() => label(el) === 'Оцените статью', 'the Russian label');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it("re-renders every element when its own lang changes, and falls back to its ancestor's when it goes", async () => {
    const wrapper = await fixture(html`<div lang="ru">
      <article-rating lang="en" article-id="a" votes="5" average="4" readonly></article-rating>
      <share-bar lang="en" networks="copy" url="https://example.org/a"></share-bar>
      <opinion-poll lang="en"></opinion-poll>
    </div>`);
    const [rating, bar, poll] = [...wrapper.children];
    expect([label(rating), label(bar), shadowText(poll, '[part="heading"]')]).to.deep.equal(['Rate this article', 'Share this article', 'Poll']);
    for (const el of [rating, bar, poll]) el.setAttribute('lang', 'ru');
    await until(() => label(rating) === 'Оцените статью' && label(bar) === 'Поделиться статьёй' && shadowText(poll, '[part="heading"]') === 'Опрос', 'Russian in all three');
    (rating as ArticleRating).lang = 'en';
    await until(() => label(rating) === 'Rate this article', 'English again, set as a property');
    rating.removeAttribute('lang');
    await until(() => label(rating) === 'Оцените статью', "the wrapper's Russian");
  });

  it("follows an ancestor's lang in the page", async () => {
    const wrapper = await fixture(html`<section><div><article-rating article-id="a" votes="5" average="4" readonly></article-rating></div></section>`);
    const el = wrapper.querySelector('article-rating')!;
    expect(label(el)).to.equal('Rate this article');
    wrapper.setAttribute('lang', 'ru');
    await until(() => label(el) === 'Оцените статью', 'the Russian label');
    wrapper.firstElementChild!.setAttribute('lang', 'en');
    await until(() => label(el) === 'Rate this article', 'the nearer ancestor wins');
  });

  it("follows lang across shadow roots: the enclosing component's host and what lies between", async () => {
    // A site's own component that renders the rating inside its shadow root.
    const outer = await fixture(html`<div><site-card></site-card></div>`);
    const card = outer.querySelector('site-card')!;
    const shadow = card.attachShadow({ mode: 'open' });
    const inner = document.createElement('div');
    inner.innerHTML = '<article-rating article-id="a" votes="5" average="4" readonly></article-rating>';
    shadow.append(inner);
    const el = inner.querySelector<ArticleRating>('article-rating')!;
    await el.updateComplete;
    expect(label(el)).to.equal('Rate this article');
    card.setAttribute('lang', 'ru');
    await until(() => label(el) === 'Оцените статью', "the host's Russian");
    inner.setAttribute('lang', 'en');
    await until(() => label(el) === 'Rate this article', 'an ancestor inside the shadow root');
    inner.removeAttribute('lang');
    card.removeAttribute('lang');
    outer.setAttribute('lang', 'ru');
    await until(() => label(el) === 'Оцените статью', 'an ancestor of the host in the page');
  });
});
