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

registerEnumType(TicketStatus, { name: 'TicketStatus' });
registerEnumType(TicketPriority, { name: 'TicketPriority' });
registerEnumType(SenderType, { name: 'SenderType' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });
registerEnumType(ForwardedMark, { name: 'ForwardedMark', description: 'How WhatsApp marked a forwarded message.' });
