// Which PostgreSQL failures mean "the database cannot serve just now" (a 503 and a retry), and
// which a transaction should simply run again.
import pg from 'pg';

// SQLSTATE classes and codes: 08 connection exception, 53 insufficient resources (disk full, out of
// memory, too many connections), 57P01-03 shut down or starting, 57014 cancelled by
// statement_timeout, 25006 a read-only transaction (a standby, or default_transaction_read_only),
// 58030 an I/O error.
const UNAVAILABLE_CLASSES = ['08', '53'];
const UNAVAILABLE_CODES = ['57P01', '57P02', '57P03', '57014', '25006', '58030'];
// Node's socket errors, and what pg says when a connection ends or times out.
const NETWORK_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'];
const CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable/;

export function isPostgresUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (error instanceof pg.DatabaseError && typeof code === 'string') {
    return UNAVAILABLE_CLASSES.includes(code.slice(0, 2)) || UNAVAILABLE_CODES.includes(code);
  }
  return (typeof code === 'string' && NETWORK_CODES.includes(code)) || CONNECTION_MESSAGES.test(error.message);
}

/**
 * A conflict with a concurrent transaction, resolved by running it again: a unique key another
 * transaction inserted first (two first votes of one voter at once: the run again sees the
 * committed row), a deadlock, a serialization failure.
 */
export function isRetryable(error: unknown): boolean {
  return error instanceof pg.DatabaseError && ['23505', '40P01', '40001'].includes(error.code ?? '');
}
