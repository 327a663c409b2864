// Where a Vue app brings in the typings, once.
import type {} from 'article-widgets/vue';
