// Keeps an open ticket live: its new and changed messages and its state arrive by subscription, and what the
// person writes is marked read while the agent has the ticket open.
import { useMutation, useSubscription } from '@apollo/client/react';
import { useEffect } from 'react';
import { graphql } from '../gql';
import { useAddToThread } from './thread-cache';

const MESSAGE_ADDED = graphql(`
  subscription TicketMessageAdded($ticketId: ID!) {
    messageAdded(ticketId: $ticketId) { ...MessageFields }
  }
`);
const MESSAGE_UPDATED = graphql(`
  subscription TicketMessageUpdated($ticketId: ID!) {
    messageUpdated(ticketId: $ticketId) { ...MessageFields }
  }
`);
const TICKET_UPDATED = graphql(`
  subscription TicketDetailUpdated($id: ID!) {
    ticketUpdated(id: $id) { ...TicketFields }
  }
`);
const MARK_READ = graphql(`
  mutation MarkTicketRead($ticketId: ID!) {
    markTicketRead(ticketId: $ticketId) { id unreadCount }
  }
`);

export function useTicketLive(ticketId: string): void {
  const addToThread = useAddToThread(ticketId);
  const [markRead] = useMutation(MARK_READ);

  useSubscription(MESSAGE_ADDED, {
    variables: { ticketId },
    onData: ({ data: event }) => {
      const message = event.data?.messageAdded;
      if (!message) return;
      addToThread(message);
      if (message.senderType === 'USER') void markRead({ variables: { ticketId } });
    },
  });
  useSubscription(MESSAGE_UPDATED, { variables: { ticketId } });
  useSubscription(TICKET_UPDATED, { variables: { id: ticketId } });

  useEffect(() => {
    void markRead({ variables: { ticketId } }).catch(() => undefined);
  }, [ticketId, markRead]);
}
