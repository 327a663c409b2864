/**
 * MemoryBackend's writes, loaded when a reader first votes or shares: the contract's checks and
 * rules (src/contract/), applied to a MemoryStore, each write once per voter and idempotency key.
 */
import type { WriteContext } from './backend.js';
import { checkId, checkIdempotencyKey, checkNetworkName, checkOptionIds, checkRating, checkShareUrl, checkVoterId } from '../contract/requests.js';
import { pollView } from '../contract/rules.js';
import { RECEIPT_LIFETIME_MS, checkBallot, checkNetwork, checkRatingChange, replayed } from '../contract/voting.js';
import type { PollView, RatingVoteResult, ShareCounts } from '../contract/types.js';
import { own, put, type MemoryStore } from './memory-store.js';

/** Receipts kept at most, newest first, whatever their age: a retry follows its failure closely. */
const MAX_RECEIPTS = 100;

/**
 * Runs a write once per voter and idempotency key: a retry of the same request gets the first
 * answer again, counting nothing; the key with another request is refused. Old receipts go.
 */
function once<T>(store: MemoryStore, context: WriteContext, request: unknown[], write: () => T): T {
  checkVoterId(context.voterId, 'body.voterId');
  checkIdempotencyKey(context.idempotencyKey);
  const now = store.rules.now().getTime();
  const { receipts } = store.actions;
  Object.keys(receipts)
    .sort((a, b) => receipts[b].at - receipts[a].at)
    .forEach((key, i) => {
      // Room for the one this write may add.
      if (i >= MAX_RECEIPTS - 1 || !(receipts[key].at > now - RECEIPT_LIFETIME_MS)) delete receipts[key];
    });
  const key = `${context.voterId} ${context.idempotencyKey}`;
  const fingerprint = JSON.stringify(request);
  const first = replayed(own(receipts, key), fingerprint);
  if (first !== undefined) return structuredClone(first) as T;
  const reply = write();
  put(receipts, key, { fingerprint, reply: structuredClone(reply), at: now });
  return reply;
}

export function rate(store: MemoryStore, articleId: string, rating: number, context: WriteContext): RatingVoteResult {
  checkId(articleId, 'params.articleId');
  checkRating(rating);
  return once(store, context, ['rating', articleId, rating], () => {
    const byVoter = own(store.actions.ratings, articleId) ?? put(store.actions.ratings, articleId, {});
    checkRatingChange(own(byVoter, context.voterId), store.rules.ratingChange);
    put(byVoter, context.voterId, rating);
    return { summary: store.ratingSummary(articleId), rating };
  });
}

export function vote(store: MemoryStore, pollId: string, optionIds: string[], context: WriteContext): PollView {
  checkId(pollId, 'params.pollId');
  checkOptionIds(optionIds);
  return once(store, context, ['poll', pollId, optionIds], () => {
    const now = store.rules.now();
    const poll = store.countedPoll(pollId);
    const choices = checkBallot(poll, optionIds, store.ballotOf(poll, context.voterId), now);
    put(own(store.actions.ballots, pollId) ?? put(store.actions.ballots, pollId, {}), context.voterId, choices);
    return pollView(store.countedPoll(pollId), choices, now);
  });
}

/** One share per reader, network and URL: a second click is not a second share. */
export function share(store: MemoryStore, url: string, network: string, context: WriteContext): ShareCounts {
  checkShareUrl(url, 'body.url');
  checkNetworkName(network);
  checkVoterId(context.voterId, 'body.voterId');
  checkNetwork(network, store.rules.shareNetworks);
  return once(store, context, ['share', url, network], () => {
    const byNetwork = own(store.actions.shares, url) ?? put(store.actions.shares, url, {});
    const sharers = own(byNetwork, network) ?? put(byNetwork, network, []);
    if (!sharers.includes(context.voterId)) sharers.push(context.voterId);
    return store.shareCounts(url);
  });
}
