// The one place that turns any error into what a client sees: a message and `extensions.code`, never a stack or SQL.
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDatabaseUnreachable } from '../db/transient.js';
import { DomainError, ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';

/** Codes graphql-js and Apollo give to requests that are malformed; their messages are safe to show. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export const DATABASE_UNREACHABLE = 'The database cannot be reached right now; try again shortly';

export function codeOf(error: DomainError): ErrorCode {
  switch (error.code) {
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.FORBIDDEN:
    case ErrorCode.BAD_USER_INPUT:
    case ErrorCode.NOT_FOUND:
    case ErrorCode.CONFLICT:
    case ErrorCode.REPLY_WINDOW_CLOSED:
    case ErrorCode.OTHER_AGENT_REPLIED:
    case ErrorCode.RATE_LIMITED:
    case ErrorCode.LAST_ADMIN:
      return error.code;
    default: {
      const unhandled: never = error.code;
      return unhandled;
    }
  }
}

/** HTTP status for errors raised before execution (auth); errors inside execution stay 200, as GraphQL over HTTP wants. */
export function httpStatusOf(code: ErrorCode): number {
  if (code === ErrorCode.UNAUTHENTICATED) return 401;
  if (code === ErrorCode.FORBIDDEN) return 403;
  if (code === ErrorCode.RATE_LIMITED) return 429;
  if (code === ErrorCode.LAST_ADMIN) return 409;
  return 400;
}

export function domainGraphqlError(error: DomainError, http = false): GraphQLError {
  const code = codeOf(error);
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: http ? { code, http: { status: httpStatusOf(code) } } : { code },
  });
}

export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const path = formatted.path ? { path: formatted.path } : {};
    const locations = formatted.locations ? { locations: formatted.locations } : {};
    if (original instanceof DomainError) {
      return { message: original.message, ...locations, ...path, extensions: { code: codeOf(original) } };
    }
    const code = formatted.extensions?.code;
    if (
      original instanceof GraphQLError &&
      typeof code === 'string' &&
      (REQUEST_CODES.has(code) || code in ErrorCode)
    ) {
      return { message: formatted.message, ...locations, ...path, extensions: { code } };
    }
    if (isDatabaseUnreachable(original)) {
      logger.warn({ path: formatted.path }, 'database unreachable while serving GraphQL');
      return { message: DATABASE_UNREACHABLE, ...locations, ...path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while serving GraphQL');
    return { message: 'Internal server error', ...locations, ...path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
