// The one pubsub: topics and payloads of the events agents must see, published after commit.
// In-process by default; a Redis transport can be swapped in here without touching resolvers.
import { createPubSub as createYogaPubSub, type PubSub } from '@graphql-yoga/subscription';
import type { FanOutEventTarget } from './fan-out.js';

export interface TicketEvent {
  ticketId: number;
}
export interface MessageEvent {
  ticketId: number;
  messageId: number;
}
/** What happened to a desk-wide record (a canned response, a label). */
export enum ChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
}
export interface RecordChangedEvent {
  id: number;
  change: ChangeKind;
}

/** Who an agent is, as presence shows them (carried in the event, so that no instance reads the database per heartbeat). */
export interface PresenceAgent {
  id: number;
  name: string;
  email: string;
  role: string;
}

/**
 * One viewer's state on one ticket, from the instance that received their report. Times are epoch
 * milliseconds (events cross Redis as JSON); `state` null means the viewer left. Every instance keeps
 * its own copy of the board from these, and expires a viewer `ttlMs` after the last event about them.
 */
export interface PresenceEvent {
  /** The board that published it, which has applied it already. */
  origin: string;
  ticketId: number;
  agent: PresenceAgent;
  /** One browser tab's socket, or one token over HTTP: with the agent, names the viewer entry. */
  clientKey: string;
  state: { typing: boolean; since: number; typingSince: number | null; ttlMs: number } | null;
}

/**
 * What a sign-out or revocation ends, on every instance: one session, one API token, or an agent's sessions
 * (all of them, or all but the one that changed the password), and with `apiTokens` their API tokens' use too.
 */
export interface AuthRevocation {
  sessionId?: number;
  tokenId?: number;
  adminId?: number;
  exceptSessionId?: number;
  apiTokens?: boolean;
}

export type SupportTopics = {
  TICKET_CREATED: [TicketEvent];
  TICKET_UPDATED: [TicketEvent];
  MESSAGE_ADDED: [MessageEvent];
  /** A message's delivery status changed (sent, delivered, read, failed). */
  MESSAGE_UPDATED: [MessageEvent];
  NOTIFICATIONS_CHANGED: [TicketEvent];
  /** The SLA sweep escalated a ticket that missed a target. */
  SLA_BREACHED: [TicketEvent];
  /** A canned response was created, edited or deleted. */
  CANNED_RESPONSE_CHANGED: [RecordChangedEvent];
  /** A label was created, renamed or recoloured, or deleted. */
  LABEL_CHANGED: [RecordChangedEvent];
  /** An agent changed a contact's name, student id or notes. */
  CONTACT_UPDATED: [{ phoneNumber: string }];
  /** A session ended or an API token was revoked: every instance forgets it at once. */
  AUTH_REVOKED: [AuthRevocation];
  /** An admin changed an agent's name or role: every instance forgets what it remembered of them, and their sockets reconnect. */
  AGENT_CHANGED: [{ adminId: number }];
  /** The simulator's phone for this number changed (a message arrived or was read). */
  SIMULATOR_PHONE_UPDATED: [{ phoneNumber: string }];
  /** An agent started or stopped viewing or typing on a ticket, or is still there (a refresh). */
  PRESENCE_CHANGED: [PresenceEvent];
  /** Automatic assignment changed: its settings, an agent's availability or capacity, or who holds what. */
  ROUTING_CHANGED: [Record<string, never>];
};

export type SupportPubSub = PubSub<SupportTopics>;

export type SupportEvent = {
  [K in keyof SupportTopics]: { topic: K; payload: SupportTopics[K][0] };
}[keyof SupportTopics];

/** In-process by default; with an event target that crosses instances (Redis) when one is given. */
export function createPubSub(eventTarget?: FanOutEventTarget): SupportPubSub {
  return eventTarget
    ? createYogaPubSub<SupportTopics>({ eventTarget: eventTarget as never })
    : createYogaPubSub<SupportTopics>();
}
