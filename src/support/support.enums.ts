import { registerEnumType } from 'type-graphql';

export enum TicketStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}

export enum TicketPriority {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}

export enum SenderType {
  USER = 'USER',
  ADMIN = 'ADMIN',
  BOT = 'BOT',
  SYSTEM = 'SYSTEM',
}

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  READ = 'READ',
  FAILED = 'FAILED',
}

/** How WhatsApp marked a forwarded message: forwarded (5 times or fewer), or frequently forwarded (more). */
export enum ForwardedMark {
  FORWARDED = 'FORWARDED',
  FREQUENTLY_FORWARDED = 'FREQUENTLY_FORWARDED',
}

/** Sort rank of a priority, stored beside it so that ordering by priority is ordering by urgency. */
export const priorityRank: Record<TicketPriority, number> = {
  [TicketPriority.LOW]: 1,
  [TicketPriority.MEDIUM]: 2,
  [TicketPriority.HIGH]: 3,
  [TicketPriority.URGENT]: 4,
};

export const isActiveStatus = (status: TicketStatus) =>
  status === TicketStatus.OPEN || status === TicketStatus.IN_PROGRESS;

registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  description:
    'Where a ticket stands in its lifecycle. OPEN and IN_PROGRESS are active work; RESOLVED and CLOSED are done.',
  valuesConfig: {
    OPEN: { description: 'New or reopened, waiting for an agent’s answer.' },
    IN_PROGRESS: { description: 'An agent has answered; the first reply moves an OPEN ticket here.' },
    RESOLVED: {
      description:
        'Done (closeTicket, or setTicketStatus): resolvedAt is set; a message from the person within REOPEN_WITHIN_HOURS reopens it.',
    },
    CLOSED: { description: 'Done for good: resolvedAt is set and a message from the person never reopens it.' },
  },
});
registerEnumType(TicketPriority, {
  name: 'TicketPriority',
  description: 'How urgent a ticket is; ordering by PRIORITY sorts by urgency (LOW < MEDIUM < HIGH < URGENT).',
  valuesConfig: {
    LOW: { description: 'Can wait.' },
    MEDIUM: { description: 'The default for a new ticket.' },
    HIGH: { description: 'Sooner than most.' },
    URGENT: { description: 'First of all.' },
  },
});
registerEnumType(SenderType, {
  name: 'SenderType',
  description: 'Who wrote a message in a ticket’s thread.',
  valuesConfig: {
    USER: { description: 'The person on WhatsApp.' },
    ADMIN: { description: 'An agent or admin of the desk (a reply, or an internal note when internal is true).' },
    BOT: { description: 'The WhatsApp bot, on the desk’s behalf.' },
    SYSTEM: {
      description: 'The desk itself: a line about what happened (reopened, a message after the ticket ended).',
    },
  },
});
registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description:
    'How far a message sent to WhatsApp got: PENDING → SENT → DELIVERED → READ, or FAILED. Changes arrive through messageUpdated.',
  valuesConfig: {
    PENDING: { description: 'Stored and waiting in the outbox to be sent.' },
    SENT: { description: 'Accepted by WhatsApp’s Cloud API.' },
    DELIVERED: { description: 'WhatsApp says it reached the person’s phone.' },
    READ: { description: 'WhatsApp says the person read it (when they share read receipts).' },
    FAILED: { description: 'Could not be delivered; deliveryError says why.' },
  },
});
registerEnumType(ForwardedMark, {
  name: 'ForwardedMark',
  description: 'How WhatsApp marked a forwarded message.',
  valuesConfig: {
    FORWARDED: { description: 'Forwarded, 5 times or fewer.' },
    FREQUENTLY_FORWARDED: { description: 'Forwarded more than 5 times.' },
  },
});
