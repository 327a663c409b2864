import { expect, fixture, html } from '@open-wc/testing';
import { ArticleRating } from '../../src/article-rating/article-rating.js';
import { ratingMessages } from '../../src/article-rating/article-rating.messages.js';
import { languageOf, registerLocale } from '../../src/internal/i18n.js';
import { Translator, translatorFor } from '../../src/internal/translator.js';
import { shadowText, until } from '../helpers.js';

ArticleRating.define();

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
      await until(() => shadowText(el, '[part="label"]') === 'Оцените статью', 'the Russian label');
    } finally {
      document.documentElement.lang = before;
    }
  });
});
