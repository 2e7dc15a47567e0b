// Putting a message into a ticket's cached thread: from the live subscription, a send's answer, a template.
import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { appendEdge } from '../cache';
import type { MessageFieldsFragment } from '../gql/graphql';

/** Puts a message (already normalized in the cache) into the cached thread once, however many times it arrives. */
export function useAddToThread(ticketId: string): (message: MessageFieldsFragment) => void {
  const client = useApolloClient();
  return useCallback(
    (message: MessageFieldsFragment) => {
      client.cache.modify({
        id: client.cache.identify({ __typename: 'Ticket', id: ticketId }),
        fields: {
          messages: (existing, { toReference }) => {
            const node = toReference({ __typename: 'Message', id: message.id });
            return node ? appendEdge(existing, { cursor: message.id, node }, 'end') : existing;
          },
        },
      });
    },
    [client, ticketId],
  );
}
