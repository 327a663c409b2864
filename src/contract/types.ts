/**
 * The shapes that cross between the widgets, their backends and the reference server: what a
 * reader sees (`RatingSummary`, `PollView`, `ShareCounts`) and the widget data a site loads in
 * bulk (`WidgetData`: MemoryBackend, LocalBackend, the server's seed file and its import).
 */

/** The aggregate of one article's ratings. */
export interface RatingSummary {
  articleId: string;
  /** How many readers rated the article. */
  votes: number;
  /** The mean rating rounded to 6 decimals, 0 when there are no votes, else 1..5. */
  average: number;
}

/** What a rating vote returns: the new aggregate and the reader's own rating as recorded. */
export interface RatingVoteResult {
  summary: RatingSummary;
  /** The stars the backend recorded for this reader (1..5). */
  rating: number;
}

/** When a poll's results are shown: always, once the reader voted, or once the poll closed. */
export type ResultsVisibility = 'always' | 'after-vote' | 'after-close';

export interface PollOption {
  id: string;
  label: string;
  /** Votes for this option; absent while the poll hides its results from this reader. */
  votes?: number;
}

/** A poll as a reader sees it. */
export interface PollView {
  id: string;
  question: string;
  options: PollOption[];
  /** Multiple choice: a reader may pick up to `maxChoices` options. */
  multiple: boolean;
  maxChoices: number;
  results: ResultsVisibility;
  /** ISO 8601 date-time at which the poll closes, or null. */
  closesAt: string | null;
  closed: boolean;
  /** Whether a reader may change a vote once cast. */
  allowChange: boolean;
  /**
   * How many readers voted: the base of the percentages of a multiple-choice poll. Absent while
   * results are hidden.
   */
  voters?: number;
  /** The option ids this reader voted for, where the backend knows them. */
  myChoices?: string[];
}

/** First-party share counts of one URL, by network name: one share per reader, network and URL. */
export interface ShareCounts {
  url: string;
  counts: Record<string, number>;
  total: number;
}

/** One article's rating as bulk data: votes and average, or the count of each of 1..5 stars. */
export type RatingData =
  | { articleId: string; votes: number; average: number }
  | { articleId: string; distribution: [number, number, number, number, number] };

/** One poll as bulk data. */
export interface PollData {
  id: string;
  question: string;
  options: { id: string; label: string; votes: number }[];
  multiple: boolean;
  maxChoices: number;
  results: ResultsVisibility;
  closesAt: string | null;
  closed: boolean;
  /** Whether a reader may change a vote; false when absent. */
  allowChange?: boolean;
  /** Readers who voted, for a multiple-choice poll; the sum of the votes when absent. */
  voters?: number;
}

/** The one shape of widget data loaded in bulk. */
export interface WidgetData {
  ratings?: RatingData[];
  polls?: PollData[];
}

/** Widget data as `parseWidgetData` gives it: ratings as votes and average, polls with every default filled in. */
export interface CheckedWidgetData extends WidgetData {
  ratings?: RatingSummary[];
  polls?: (PollData & { allowChange: boolean })[];
}

/** A poll with every vote counted, imported and readers' alike: what the poll rules read. */
export interface CountedPoll extends Omit<PollData, 'allowChange' | 'voters'> {
  allowChange: boolean;
  voters: number;
}
