/**
 * The script of host-page.html: what a site does (register the elements, set a page-wide
 * backend) and what the tests need to drive it (the backend, to script failures, and the
 * violations the page reported). `?page=light-only|dark-only|light-dark` picks the page's palette.
 */
import { violations } from './record-violations.js';
import { ArticleRating } from '../../src/article-rating/article-rating.js';
import { OpinionPoll } from '../../src/opinion-poll/opinion-poll.js';
import { ShareBar } from '../../src/share-bar/share-bar.js';
import { setDefaultBackend } from '../../src/backend/default-backend.js';
import type { WidgetData } from '../../src/backend/shapes.js';
import { ScriptedBackend } from '../helpers.js';

export type PageScheme = 'light-only' | 'dark-only' | 'light-dark';

const data: WidgetData = {
  ratings: [{ articleId: 'host-article', votes: 7, average: 4.3 }],
  polls: [
    {
      id: 'host-open',
      question: 'How often do you read our analysis?',
      options: [
        { id: 'daily', label: 'Every day', votes: 12 },
        { id: 'weekly', label: 'Every week', votes: 30 },
        { id: 'rarely', label: 'Now and then', votes: 8 },
      ],
      multiple: false,
      maxChoices: 1,
      results: 'always',
      closesAt: null,
      closed: false,
      allowChange: true,
    },
    {
      id: 'host-closed',
      question: 'Should we publish a weekly digest?',
      options: [
        { id: 'yes', label: 'Yes', votes: 40 },
        { id: 'no', label: 'No', votes: 21 },
      ],
      multiple: false,
      maxChoices: 1,
      results: 'always',
      closesAt: null,
      closed: true,
    },
  ],
};

const scheme = (new URLSearchParams(location.search).get('page') ?? 'light-only') as PageScheme;
document.documentElement.classList.add(scheme);

const backend = new ScriptedBackend(data);
setDefaultBackend(backend);
ArticleRating.define();
OpinionPoll.define();
ShareBar.define();

export interface HostPageHooks {
  backend: ScriptedBackend;
  violations: string[];
}

declare global {
  interface Window {
    hostPage?: HostPageHooks;
  }
}
window.hostPage = { backend, violations };
