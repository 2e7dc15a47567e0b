// Who may run an operation at all: everything but `login` and `resetPassword` needs a token; API tokens need the operation's scope.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import { assertMayRun, rateLimitKey, type Caller } from '../auth/caller.js';
import { DomainError, ErrorCode, unauthenticated } from '../errors.js';
import { take } from '../rate-limit/rate-limiter.js';
import type { GraphqlContext } from './context.js';
import { domainGraphqlError } from './format-error.js';

const PUBLIC_ROOT_FIELDS = new Set(['login', 'resetPassword', '__typename']);

function isPublic(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(selection.name.value),
  );
}

/** Throws the GraphQL error (with an HTTP status for Apollo) that refuses the operation, or returns. */
export function checkOperationAccess(operation: OperationDefinitionNode, caller: Caller | null): void {
  try {
    if (!caller) {
      if (isPublic(operation)) return;
      throw unauthenticated();
    }
    assertMayRun(caller, operation.operation);
  } catch (error) {
    if (error instanceof DomainError) throw domainGraphqlError(error, true);
    throw error;
  }
}

/** Counts a mutation against its caller's budget; over it, the operation is refused with RATE_LIMITED. */
export async function checkMutationRate(context: GraphqlContext, operation: OperationDefinitionNode): Promise<void> {
  const { caller } = context;
  if (operation.operation !== 'mutation' || !caller) return;
  if ((await take(context.app.rateLimits.mutations, rateLimitKey(caller))) > 0) {
    throw domainGraphqlError(
      new DomainError(
        ErrorCode.RATE_LIMITED,
        'Too many changes in a minute from this token; slow down and retry shortly',
      ),
      true,
    );
  }
}

const subscriptionOverHttp = () =>
  new GraphQLError(
    'Subscriptions need the WebSocket: connect with a graphql-ws client (graphql-transport-ws) to /graphql',
    {
      extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
    },
  );

const SUGGESTION = /\s*Did you mean .*\?$/;
/** Errors in the request itself, which GraphQL over HTTP answers with 200 to clients that accept only application/json. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

export function authPlugin(): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!operation) return;
          checkOperationAccess(operation, contextValue.caller);
          // This plugin serves HTTP only (the WebSocket has its own path): one answer over HTTP is no subscription.
          if (operation.operation === 'subscription') throw subscriptionOverHttp();
          await checkMutationRate(contextValue, operation);
        },
        async willSendResponse({ request, response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          const acceptsGraphqlResponse =
            request.http?.headers.get('accept')?.includes('application/graphql-response+json') ?? false;
          if (
            !acceptsGraphqlResponse &&
            response.http.status === 400 &&
            errors?.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code)))
          ) {
            response.http.status = 200;
          }
          // "Did you mean …?" would describe the schema to a caller without a token.
          if (contextValue.caller || !errors) return;
          response.body.singleResult.errors = errors.map((error) => ({
            ...error,
            message: error.message.replace(SUGGESTION, ''),
          }));
        },
      };
    },
  };
}
