// Data as the server takes it: the seed file, the admin import and a new poll go through the
// contract's checks (src/contract/widget-data.ts), the same as MemoryBackend's and LocalBackend's,
// so a file one accepts the others accept. A misfit is a 400 `invalid` naming the field.
import { ApiError } from '../../src/contract/errors.js';
import { ShapeError, checkChoiceLimit } from '../../src/contract/shape.js';
import type { CheckedWidgetData } from '../../src/contract/types.js';
import { parsePollData, parseWidgetData } from '../../src/contract/widget-data.js';
import type { PollInput } from './storage/storage.js';

/** Runs a contract check; a ShapeError comes out as a 400 `invalid` naming its field. */
function asRequestError<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw new ApiError(400, 'invalid', error.message, error.path);
  }
}

/** Widget data: a seed file (paths as `polls[0].id`) or an import's body (`root` `body.`). */
export function checkWidgetData(value: unknown, root = ''): CheckedWidgetData {
  return asRequestError(() => parseWidgetData(value, root));
}

/** The body of a new poll. */
export function checkPollInput(value: unknown): PollInput {
  return asRequestError(() => parsePollData(value, 'body'));
}

/** A poll's choice limit after an editor's change. */
export function checkPatchedChoiceLimit(poll: Pick<PollInput, 'multiple' | 'maxChoices' | 'options'>): void {
  asRequestError(() => checkChoiceLimit(poll.multiple, poll.maxChoices, poll.options.length, 'body.maxChoices'));
}
