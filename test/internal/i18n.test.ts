import { expect, fixture, html } from '@open-wc/testing';
import { ArticleRating } from '../../src/article-rating/article-rating.js';
import { OpinionPoll } from '../../src/opinion-poll/opinion-poll.js';
import { ShareBar } from '../../src/share-bar/share-bar.js';
import { ratingCatalogs } from '../../src/article-rating/article-rating.messages.js';
import { shareCatalogs } from '../../src/share-bar/share-bar.messages.js';
import { loadStrings, languageOf, messagesIn, registerLocale, type Catalogs } from '../../src/internal/i18n.js';
import { Translator, translatorFor } from '../../src/internal/translator.js';
import { captureConsole, shadowText, until } from '../helpers.js';

ArticleRating.define();
OpinionPoll.define();
ShareBar.define();

const label = (el: Element) => shadowText(el, '[part="label"]');

describe('i18n', () => {
  // First in this file: no Russian has loaded on this page yet.
  it('loads a language the first time an element needs it, keeping its English until then: no key or mix ever shows', async () => {
    expect(loadStrings('ru', [ratingCatalogs, shareCatalogs]), 'Russian is not in the bundle').to.be.a('promise');
    const wrapper = await fixture(html`<div>
      <article-rating article-id="a" votes="5" average="4" readonly></article-rating>
      <share-bar networks="vk copy" url="https://example.org/a"></share-bar>
    </div>`);
    const [rating, bar] = [...wrapper.children];
    const seen = new Set<string>();
    const watch = (el: Element) => {
      const note = () => seen.add(`${el.localName}: ${label(el)} | ${shadowText(el, '[part="list"]') || shadowText(el, '[part="summary"]')}`);
      new MutationObserver(note).observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
      note();
    };
    watch(rating);
    watch(bar);
    wrapper.setAttribute('lang', 'ru');
    await until(() => label(rating) === 'Оцените статью' && label(bar) === 'Поделиться статьёй', 'Russian in both');
    expect([...seen].sort()).to.deep.equal([
      'article-rating: Rate this article | (votes: 5, rating: 4.0)',
      'article-rating: Оцените статью | (голосов: 5, рейтинг: 4,0)',
      'share-bar: Share this article | VK Copy link',
      'share-bar: Поделиться статьёй | ВКонтакте Копировать ссылку',
    ]);
  });

  it('shows English, and says so, when a language fails to load', async () => {
    let release!: (strings: { default: { greeting: string } }) => void;
    const held: Catalogs<{ greeting: string }> = {
      en: { greeting: 'Hello' },
      more: { fr: () => new Promise((resolve) => (release = resolve)), de: () => Promise.reject(new Error('offline')) },
    };
    const loading = loadStrings('fr-CA', [held]);
    expect(messagesIn('fr-CA', held).greeting, 'English until it is here').to.equal('Hello');
    release({ default: { greeting: 'Bonjour' } });
    await loading;
    expect(messagesIn('fr-CA', held).greeting).to.equal('Bonjour');
    expect(loadStrings('fr', [held]), 'loaded once').to.equal(undefined);
    const said = await captureConsole(() => loadStrings('de', [held]));
    expect(said.error.join()).to.contain('"de" strings did not load (offline)');
    expect(messagesIn('de', held).greeting).to.equal('Hello');
  });

  it("merges a site's strings key by key: one network's name keeps the others, and each call adds to the last", async () => {
    await loadStrings('ru', [shareCatalogs]);
    // A tag of its own, so no other test sees these strings.
    registerLocale('ru-x-site', { shareNames: { vk: 'VK' } });
    registerLocale('ru-x-site', { shareLabel: 'Поделитесь', shareNames: { telegram: 'TG' } });
    const strings = messagesIn('ru-x-site', shareCatalogs);
    expect(strings.shareLabel).to.equal('Поделитесь');
    expect(strings.shareOn, 'the built-in Russian fills the rest').to.equal('Поделиться в {network}');
    expect(strings.shareNames).to.deep.equal({ vk: 'VK', ok: 'ОК', email: 'E-mail', copy: 'Копировать ссылку', native: 'Ещё', telegram: 'TG' });
    const bar = await fixture(html`<share-bar lang="ru-x-site" networks="telegram vk ok" labels url="https://example.org/a"></share-bar>`);
    expect(shadowText(bar, '[part="list"]')).to.equal('TG VK ОК');
    // A plural message is replaced whole: a language has forms of its own.
    registerLocale('ru-x-site', { voteCount: { one: '{count} оценка', few: '{count} оценки', many: '{count} оценок', other: '{count} оценки' } });
    registerLocale('ru-x-site', { voteCount: { other: '{count} шт.' } });
    expect(new Translator('ru-x-site', ratingCatalogs).t('voteCount', { count: 1 })).to.equal('1 шт.');
  });

  it('types registerLocale by the elements\' strings (checked by tsc in npm test)', () => {
    // @ts-expect-error a misspelt key does not compile
    registerLocale('ru-x-typed', { ratingLable: 'Оцените' });
    // @ts-expect-error a name map takes names, not a string
    registerLocale('ru-x-typed', { shareNames: 'VK' });
    // @ts-expect-error a plain string is no plural message
    registerLocale('ru-x-typed', { ratingLabel: { other: 'Оцените' } });
    registerLocale('ru-x-typed', { shareNames: { vk: 'VK' }, voteCount: { one: '{count} голос', other: '{count} голоса' }, failureNoPoll: 'Нет опроса' });
    expect(messagesIn('ru-x-typed', shareCatalogs).shareNames.vk).to.equal('VK');
  });

  it('writes English plurals and numbers', () => {
    const t = new Translator('en', ratingCatalogs);
    expect([1, 4, 0, 21].map((count) => t.t('voteCount', { count }))).to.deep.equal(['1 vote', '4 votes', '0 votes', '21 votes']);
    expect(t.number(4.5, 1)).to.equal('4.5');
    expect(t.number(1234)).to.equal('1,234');
    expect(t.percent(31)).to.equal('31%');
  });

  it('writes Russian plurals and numbers', async () => {
    await loadStrings('ru', [ratingCatalogs]);
    const t = new Translator('ru', ratingCatalogs);
    expect([1, 4, 5, 11, 21, 22, 25, 108].map((count) => t.t('voteCount', { count }))).to.deep.equal([
      '1 голос', '4 голоса', '5 голосов', '11 голосов', '21 голос', '22 голоса', '25 голосов', '108 голосов',
    ]);
    expect(t.number(4.5, 1)).to.equal('4,5');
    expect(t.percent(31)).to.equal('31\u00a0%');
  });

  it('takes a regional tag to its language and an unknown language to English', async () => {
    expect(loadStrings('xx', [ratingCatalogs]), 'nothing to load for a language without strings of its own').to.equal(undefined);
    await loadStrings('ru-RU', [ratingCatalogs]);
    expect(new Translator('ru-RU', ratingCatalogs).t('ratingLabel')).to.equal('Оцените статью');
    expect(new Translator('xx', ratingCatalogs).t('ratingLabel')).to.equal('Rate this article');
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
    expect(translatorFor(el, ratingCatalogs).t('voteCount', { count: 2 })).to.equal('2 Stimmen');
    registerLocale('en', { ratingLabel: 'Rate this story' });
    expect(new Translator('en', ratingCatalogs).t('ratingLabel')).to.equal('Rate this story');
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
