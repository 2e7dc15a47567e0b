// Collision detection in the ticket detail: tell the server this agent is viewing (and typing), and
// follow who else is. Heartbeats go over the WebSocket, so a closed tab disappears for others at once.
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useCallback, useEffect, useRef } from 'react';
import { onConnectionState } from '../apollo';
import { graphql } from '../gql';
import type { TicketPresenceSubscription } from '../gql/graphql';

const REPORT = graphql(`
  mutation ReportPresence($ticketId: ID!, $typing: Boolean, $viewing: Boolean) {
    reportPresence(ticketId: $ticketId, typing: $typing, viewing: $viewing) { ticketId }
  }
`);
const PRESENCE = graphql(`
  subscription TicketPresence($ticketId: ID!) {
    ticketPresence(ticketId: $ticketId) {
      ticketId
      viewers { agent { id name } since typing typingSince }
    }
  }
`);

export type Viewer = TicketPresenceSubscription['ticketPresence']['viewers'][number];

/** The server forgets a viewer after 15 s without a heartbeat; three chances in that time. */
const HEARTBEAT_MS = 5000;
/** This long after the last keystroke the agent counts as no longer typing. */
const TYPING_IDLE_MS = 3000;

export function usePresence(ticketId: string, meId: string | undefined) {
  const client = useApolloClient();
  const { data } = useSubscription(PRESENCE, { variables: { ticketId } });
  const typing = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const report = useCallback(
    (viewing = true) => {
      // Lost heartbeats are harmless: the next one comes in a few seconds.
      client
        .mutate({ mutation: REPORT, variables: { ticketId, typing: viewing && typing.current, viewing } })
        .catch(() => undefined);
    },
    [client, ticketId],
  );

  useEffect(() => {
    report();
    const heartbeat = setInterval(report, HEARTBEAT_MS);
    // A new socket (after a reconnect) starts with no presence: report at once rather than at the next beat.
    let last: string | null = null;
    const stopListening = onConnectionState((state) => {
      if (state === 'connected' && last !== null && last !== 'connected') report();
      last = state;
    });
    // A background tab's timers may be slowed down: when it comes back, say so at once.
    const onVisible = () => document.visibilityState === 'visible' && report();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(heartbeat);
      clearTimeout(idle.current);
      stopListening();
      document.removeEventListener('visibilitychange', onVisible);
      typing.current = false;
      report(false);
    };
  }, [report]);

  const setTyping = useCallback(
    (next: boolean) => {
      if (typing.current === next) return;
      typing.current = next;
      report();
    },
    [report],
  );

  /** A keystroke in the reply: typing now, and until the agent pauses. */
  const keystroke = useCallback(() => {
    setTyping(true);
    clearTimeout(idle.current);
    idle.current = setTimeout(() => setTyping(false), TYPING_IDLE_MS);
  }, [setTyping]);

  const stopTyping = useCallback(() => {
    clearTimeout(idle.current);
    setTyping(false);
  }, [setTyping]);

  // Until we know who we are, we cannot tell ourselves from the others: show nobody rather than ourselves.
  const others = meId ? (data?.ticketPresence.viewers.filter((viewer) => viewer.agent.id !== meId) ?? []) : [];
  return { others, keystroke, stopTyping };
}
