// The voting rules every storage must enforce, kept apart from SQL so a second storage (the
// PostgreSQL issue) applies exactly the same ones. Mirrors src/backend/memory-backend.ts.

/** An error the API answers with a 4xx: `code` is stable for programs, `message` for people. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   * @param {string} [field] the path of the offending field, as `body.rating` or `params.pollId`
   */
  constructor(status, code, message, field) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/**
 * @typedef {{ id: string, label: string, votes: number }} StoredOption votes: all votes (imported + readers')
 * @typedef {{
 *   id: string, question: string, options: StoredOption[], multiple: boolean, maxChoices: number,
 *   results: 'always'|'after-vote'|'after-close', closesAt: string|null, closed: boolean,
 *   allowChange: boolean, voters: number
 * }} StoredPoll
 */

/** @param {StoredPoll} poll @param {Date} now */
export function isClosed(poll, now) {
  return poll.closed || (poll.closesAt !== null && Date.parse(poll.closesAt) <= now.getTime());
}

/**
 * The poll as one reader may see it: counts hidden unless results are visible to them.
 * @param {StoredPoll} poll
 * @param {string[]|undefined} mine this reader's choices, when known
 * @param {Date} now
 */
export function pollView(poll, mine, now) {
  const closed = isClosed(poll, now);
  const visible = poll.results === 'always' || closed || (poll.results === 'after-vote' && mine !== undefined);
  /** @type {Record<string, unknown>} */
  const view = {
    id: poll.id,
    question: poll.question,
    options: poll.options.map(({ id, label, votes }) => (visible ? { id, label, votes } : { id, label })),
    multiple: poll.multiple,
    maxChoices: poll.maxChoices,
    results: poll.results,
    closesAt: poll.closesAt,
    closed,
    allowChange: poll.allowChange,
  };
  if (visible) view.voters = poll.voters;
  if (mine) view.myChoices = [...mine];
  return view;
}

/**
 * The poll as its editors see it: every count, whatever the results visibility.
 * @param {StoredPoll} poll
 * @param {Date} now
 */
export function adminPollView(poll, now) {
  return { ...poll, closed: isClosed(poll, now) };
}

/**
 * Checks a ballot against the poll; returns the distinct choices.
 * @param {StoredPoll} poll
 * @param {string[]} optionIds
 * @param {string[]|undefined} previous
 * @param {Date} now
 */
export function checkBallot(poll, optionIds, previous, now) {
  if (isClosed(poll, now)) throw new ApiError(409, 'poll-closed', 'This poll is closed.');
  const choices = [...new Set(optionIds)];
  if (choices.length === 0) throw new ApiError(400, 'invalid', 'Choose at least one option.', 'body.optionIds');
  if (choices.length > poll.maxChoices) {
    throw new ApiError(400, 'too-many-choices', `Choose at most ${poll.maxChoices} option(s).`, 'body.optionIds');
  }
  const ids = new Set(poll.options.map((o) => o.id));
  const unknown = choices.findIndex((id) => !ids.has(id));
  if (unknown !== -1) {
    throw new ApiError(404, 'unknown-option', `This poll has no option "${choices[unknown]}".`, `body.optionIds[${optionIds.indexOf(choices[unknown])}]`);
  }
  if (previous && !poll.allowChange) throw new ApiError(409, 'already-voted', 'This reader has already voted in this poll.');
  return choices;
}

/** @param {number} votes @param {number} sum */
export function ratingSummary(articleId, votes, sum) {
  return { articleId, votes, average: votes === 0 ? 0 : Math.round((sum / votes) * 1e6) / 1e6 };
}
