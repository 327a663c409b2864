/**
 * The public API every build exports: element classes, backends and configuration. The package
 * root (index.ts) adds `parseWidgetData`; the script-tag bundle (script-tag.ts) leaves it out of
 * its first load and offers `checkWidgetData`, the same check loaded on first use.
 */
export { ArticleRating } from './article-rating/article-rating.js';
export type { RatingVoteDetail, RatingErrorDetail } from './article-rating/article-rating.js';
export { OpinionPoll } from './opinion-poll/opinion-poll.js';
export type { PollVoteDetail, PollErrorDetail } from './opinion-poll/opinion-poll.js';
export { ShareBar } from './share-bar/share-bar.js';
export { registerNetwork } from './share-bar/networks.js';
export type { ShareDetail, ShareErrorDetail, ShareNetwork, SharedPage } from './share-bar/share-bar.js';

export { BackendError } from './backend/backend.js';
export type {
  BackendErrorCode,
  ErrorCode,
  PollOption,
  PollView,
  RatingSummary,
  RatingVoteResult,
  ReadOptions,
  ResultsVisibility,
  ShareCounts,
  WidgetBackend,
  WriteContext,
} from './backend/backend.js';
export { MemoryBackend } from './backend/memory-backend.js';
export type { MemoryBackendOptions } from './backend/memory-backend.js';
export { LocalBackend } from './backend/local-backend.js';
export type { LocalBackendOptions } from './backend/local-backend.js';
export { HttpBackend } from './backend/http-backend.js';
export type { HttpBackendOptions } from './backend/http-backend.js';
export { setDefaultBackend, getDefaultBackend } from './backend/default-backend.js';
export { checkWidgetData } from './backend/check-widget-data.js';
export { ShapeError } from './contract/shape.js';
export type { WidgetData, RatingData, PollData, CheckedWidgetData } from './contract/types.js';
export { registerLocale } from './internal/i18n.js';
export type { LocaleStrings, Message, Messages, NameMap, PluralMessage } from './internal/i18n.js';
