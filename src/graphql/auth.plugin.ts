// Who may run an operation at all: everything but `login` needs a token; API tokens need the operation's scope.
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { assertMayRun, type Caller } from '../auth/caller.js';
import { DomainError, unauthenticated } from '../errors.js';
import type { GraphqlContext } from './context.js';
import { domainGraphqlError } from './format-error.js';

const PUBLIC_ROOT_FIELDS = new Set(['login', '__typename']);

function isPublic(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(selection.name.value));
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

export function authPlugin(): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation) checkOperationAccess(operation, contextValue.caller);
        },
      };
    },
  };
}
