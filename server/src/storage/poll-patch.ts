// An editor's change to a poll, the same whatever the storage: the new definition to write back,
// its option votes and voters still the imported ones (readers' votes stay with their option).
import { ApiError } from '../../../src/contract/errors.js';
import { checkPatchedChoiceLimit } from '../data.js';
import type { CountedPoll, PollInput, PollPatch } from './storage.js';

/**
 * `current` with `patch` applied. `imported` gives what of the counts was imported rather than
 * voted by readers: each option's votes and the voters. Refuses a label for an option the poll
 * does not have (404 `unknown-option`) and a choice limit the changed poll cannot have.
 */
export function patchedPoll(current: CountedPoll, patch: PollPatch, imported: { votes: (optionId: string) => number; voters: number }): PollInput {
  const { labels, ...settings } = patch;
  const unknown = Object.keys(labels ?? {}).find((id) => !current.options.some((o) => o.id === id));
  if (unknown !== undefined) throw new ApiError(404, 'unknown-option', `This poll has no option "${unknown}".`, `body.labels.${unknown}`);
  const poll: PollInput = {
    ...current,
    ...settings,
    options: current.options.map((o) => ({
      id: o.id,
      // Own properties only: an option named "toString" must not find Object.prototype's.
      label: labels && Object.hasOwn(labels, o.id) ? labels[o.id] : o.label,
      votes: imported.votes(o.id),
    })),
    voters: imported.voters,
  };
  checkPatchedChoiceLimit(poll);
  return poll;
}
