// Domain errors: thrown by services, mapped to GraphQL `extensions.code` and HTTP statuses at the edge.

export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  REPLY_WINDOW_CLOSED = 'REPLY_WINDOW_CLOSED',
  /** sendMessage with typingSince: another agent replied to the person since then; send again without it to send anyway. */
  OTHER_AGENT_REPLIED = 'OTHER_AGENT_REPLIED',
  RATE_LIMITED = 'RATE_LIMITED',
  /** The change would leave the desk without an active admin (demoting or deactivating the last one). */
  LAST_ADMIN = 'LAST_ADMIN',
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string) => new DomainError(ErrorCode.BAD_USER_INPUT, message);
export const notFound = (what: string, id: string | number) =>
  new DomainError(ErrorCode.NOT_FOUND, `${what} ${id} was not found`);
export const forbidden = (message: string) => new DomainError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = 'A valid token is required') =>
  new DomainError(ErrorCode.UNAUTHENTICATED, message);
