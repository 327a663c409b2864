import type { PollView } from '../../src/backend/backend.js';
import type { ConsoleTranslator } from './messages.js';
import { formatDateTime } from './time.js';

/** "Open", "Open until 1 Dec 2026, 18:00" or "Closed", in the editor's language and time zone. */
export function pollStatus(t: ConsoleTranslator, poll: PollView): string {
  if (poll.closed) return t.t('statusClosed');
  return poll.closesAt ? t.t('statusCloses', { date: formatDateTime(t.lang, poll.closesAt) }) : t.t('statusOpen');
}
