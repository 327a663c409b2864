/**
 * "Closes at" as the editor sees it: a date and time in their own time zone (an
 * `<input type="datetime-local">` value, "2026-12-01T18:00"), stored by the server as UTC.
 */

/** The UTC instant of a datetime-local value in this browser's time zone; undefined if invalid. */
export function localToUtc(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return undefined;
  // A date-time string without an offset is local time (ECMA-262, Date.parse).
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The datetime-local value, in this browser's time zone, of a UTC instant. */
export function utcToLocal(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The editor's time zone, as the console names it beside "Closes at". */
export function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A date and time in the editor's language and time zone. */
export function formatDateTime(lang: string, iso: string): string {
  return new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
}
