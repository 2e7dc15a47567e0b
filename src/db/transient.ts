// Which database errors a retry fixes (the connection, a lock, a busy file) and which it never will (a value
// the column refuses, a bug): the webhook answers 503 to the first kind and parks elements that meet the second.
import { ConnectionException, DeadlockException, DriverException, LockWaitTimeoutException } from '@mikro-orm/core';
import { DomainError, ErrorCode } from '../errors.js';

/** A lost or refused database connection, as opposed to a bug: worth telling the caller plainly. */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  if (error instanceof ConnectionException) return true;
  const { code, cause, previous, originalError } = error as {
    code?: unknown;
    cause?: unknown;
    previous?: unknown;
    originalError?: unknown;
  };
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  // Drivers, the ORM and GraphQL wrap the socket's error; look inside.
  return [cause, previous, originalError].some((inner) => isDatabaseUnreachable(inner, depth + 1));
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
]);

/** Locks and busy or full files: the same statement succeeds later. */
const PASSING_CODES = new Set([
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_LOCK_DEADLOCK',
  'ER_SERVER_SHUTDOWN',
  'ER_QUERY_INTERRUPTED',
  'ER_OUT_OF_RESOURCES',
  'ER_RECORD_FILE_FULL',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_FULL',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
]);

/** Whether retrying the same work later may succeed: the database was away, busy or locked, or lost a race too often. */
export function isTransient(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  if (isDatabaseUnreachable(error)) return true;
  if (error instanceof LockWaitTimeoutException || error instanceof DeadlockException) return true;
  // inTransaction's answer after several lost races (deadlocks, lock waits, version clashes).
  if (error instanceof DomainError) return error.code === ErrorCode.CONFLICT;
  const { code, cause, previous } = error as { code?: unknown; cause?: unknown; previous?: unknown };
  if (typeof code === 'string' && (PASSING_CODES.has(code) || PASSING_CODES.has(code.replace(/_[A-Z]+$/, ''))))
    return true;
  return [cause, previous].some((inner) => isTransient(inner, depth + 1));
}

/** A short code for an error that is not transient: the domain's or the database's own, else STORE_FAILED. */
export function errorCodeOf(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,63}$/.test(code)) return code;
  return 'STORE_FAILED';
}

/** What went wrong, without the SQL statement the ORM puts in front of a driver's message (it holds the data). */
export function errorMessageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof DriverException)) return message;
  const parts = message.split(' - ');
  return parts.length > 1 ? parts.at(-1)!.trim() : message;
}
