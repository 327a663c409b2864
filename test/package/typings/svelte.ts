// What Svelte's language tools (svelte-check) read for each tag: SvelteHTMLElements, compiled by
// typings.test.mjs under strict TypeScript with the package installed from its npm tarball. A line
// ending `// error: TEXT` must fail to compile with a message containing TEXT; every other line
// must compile.
import type { SvelteHTMLElements } from 'svelte/elements';
import type {} from 'article-widgets/svelte';
import { MemoryBackend } from 'article-widgets';

export const rating: SvelteHTMLElements['article-rating'] = {
  'article-id': 'a1', votes: 4, average: 4.5, summary: 'count', allowChange: true, backend: new MemoryBackend(), class: 'rating',
  'onaw-rating-vote': (event) => event.detail.rating.toFixed(),
  'on:aw-rating-error': (event) => event.detail.code,
};
export const poll: SvelteHTMLElements['opinion-poll'] = { 'poll-id': 'p1', 'data-closed': true, 'data-results': 'after-vote', 'onaw-poll-vote': (event) => event.detail.optionIds };
export const bar: SvelteHTMLElements['share-bar'] = { networks: 'telegram vk', 'share-title': 'A title', 'hide-label': true, size: 'large', 'onaw-share': (event) => event.preventDefault() };

export const wrongType: SvelteHTMLElements['article-rating'] = { votes: 'many' }; // error: 'string' is not assignable to type 'number'
export const misspelt: SvelteHTMLElements['article-rating'] = { articleid: 'a1' }; // error: 'articleid' does not exist
export const notAValue: SvelteHTMLElements['article-rating'] = { summary: 'long' }; // error: '"long"' is not assignable
export const wrongDetail: SvelteHTMLElements['article-rating'] = { 'onaw-rating-vote': (event) => event.detail.stars }; // error: Property 'stars' does not exist
export const falseAttribute: SvelteHTMLElements['opinion-poll'] = { 'data-closed': false }; // error: 'false' is not assignable to type 'true'
// (An unknown tag is no error in Svelte: SvelteHTMLElements takes any tag with any attributes.
// The lines above fail only because the typings give the three tags their own attributes.)
