// Where a Svelte app brings in the typings, once.
import type {} from 'article-widgets/svelte';
