// The message ids of values the API sends as enums, so that a component says them in the agent's language.
import type { TicketPriority, TicketStatus } from '../gql/graphql';
import type { MessageId } from './en';

export const PRIORITY_NAMES: Record<TicketPriority, MessageId> = {
  URGENT: 'priority.urgent',
  HIGH: 'priority.high',
  MEDIUM: 'priority.medium',
  LOW: 'priority.low',
};

export const STATUS_NAMES: Record<TicketStatus, MessageId> = {
  OPEN: 'status.open',
  IN_PROGRESS: 'status.inProgress',
  RESOLVED: 'status.resolved',
  CLOSED: 'status.closed',
};
