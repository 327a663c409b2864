// What Vue's template checker (Volar, vue-tsc) reads for each tag: the props and events of the
// GlobalComponents entry, compiled by typings.test.mjs under strict TypeScript with the package
// installed from its npm tarball. A line ending `// error: TEXT` must fail to compile with a
// message containing TEXT; every other line must compile.
import type { GlobalComponents } from 'vue';
import type {} from 'article-widgets/vue';
import { MemoryBackend } from 'article-widgets';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];
type Element<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>;

export const rating: Props<'article-rating'> = { articleId: 'a1', votes: 4, average: 4.5, summary: 'count', allowChange: true, backend: new MemoryBackend(), class: 'rating' };
export const poll: Props<'opinion-poll'> = { pollId: 'p1', 'data-closed': true, 'data-results': 'after-vote' };
export const bar: Props<'share-bar'> = { networks: 'telegram vk', shareTitle: 'A title', hideLabel: true, size: 'large' };
export const onVote = (element: Element<'article-rating'>) => element.$emit('aw-rating-vote', new CustomEvent('aw-rating-vote', { detail: { articleId: 'a1', rating: 5, votes: 5, average: 4.6 } }));

export const wrongType: Props<'article-rating'> = { votes: 'many' }; // error: 'string' is not assignable to type 'number'
export const misspelt: Props<'article-rating'> = { articleid: 'a1' }; // error: 'articleid' does not exist
export const notAValue: Props<'article-rating'> = { summary: 'long' }; // error: '"long"' is not assignable
export const wrongEvent = (element: Element<'opinion-poll'>) => element.$emit('aw-rating-vote', new CustomEvent('x')); // error: '"aw-rating-vote"' is not assignable
export const falseAttribute: Props<'opinion-poll'> = { 'data-closed': false }; // error: 'false' is not assignable to type 'true'
export type UnknownTag = Props<'article-ratings'>; // error: '"article-ratings"' does not satisfy the constraint
