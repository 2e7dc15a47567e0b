// The audit trail follows the ticket's lifecycle: every change is recorded in the transaction that made it, whoever made it
// (an agent, the person, automatic assignment, a sweep), so none escapes the trail. Registered after the followers
// that change the ticket further (the SLA's due times), so "after" is the state that commits.
import type { SupportEventHandlers, SupportContext } from '../support/support.context.js';
import type { DomainEvent, TransactionScope } from '../support/domain-events.js';
import { isActiveStatus } from '../support/support.enums.js';
import { recordAudit } from './audit.service.js';

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

const STATUS_ACTION = {
  set: 'ticket.status',
  'first-reply': 'ticket.status',
  closed: 'ticket.closed',
  reopened: 'ticket.reopened',
  'person-wrote': 'ticket.reopened',
} as const;

const STATUS_REASON = { 'first-reply': 'first reply', 'person-wrote': 'the person wrote again' } as const;

type Entry = Parameters<typeof recordAudit>;

/** The trail's entry for one event (without the EntityManager, which the follower adds), or null. */
function entryOf(event: DomainEvent): [Entry[1], Entry[2], Entry[3], Entry[4], Entry[5]] | null {
  switch (event.type) {
    case 'TicketOpened':
      return [
        event.actor,
        'ticket.opened',
        event.ticket.id,
        null,
        {
          phoneNumber: event.ticket.phoneNumber,
          priority: event.ticket.priority,
        },
      ];
    case 'TicketStatusChanged': {
      const reason = STATUS_REASON[event.cause as keyof typeof STATUS_REASON];
      return [
        event.actor,
        STATUS_ACTION[event.cause],
        event.ticket.id,
        { status: event.from, resolvedAt: isActiveStatus(event.from) ? null : iso(event.resolvedAtBefore) },
        { status: event.to, resolvedAt: iso(event.ticket.resolvedAt), ...(reason ? { reason } : {}) },
      ];
    }
    case 'TicketAssigned': {
      const detail = event.cause === 'first-reply' ? { reason: 'first reply' } : (event.detail ?? {});
      return [
        event.actor,
        'ticket.assigned',
        event.ticket.id,
        { assignee: event.from },
        { assignee: event.to, ...detail },
      ];
    }
    case 'PriorityChanged':
      return [
        event.actor,
        'ticket.priority',
        event.ticket.id,
        {
          priority: event.from,
          firstResponseDueAt: iso(event.dueBefore.firstResponseDueAt),
          resolutionDueAt: iso(event.dueBefore.resolutionDueAt),
        },
        {
          priority: event.to,
          firstResponseDueAt: iso(event.ticket.firstResponseDueAt),
          resolutionDueAt: iso(event.ticket.resolutionDueAt),
        },
      ];
    case 'MessageAdded':
      if (event.kind === 'reply')
        return [
          event.actor,
          'message.sent',
          event.ticket.id,
          null,
          {
            messageId: event.message.id,
            ...(event.template ? { template: event.template } : {}),
          },
        ];
      if (event.kind === 'note')
        return [event.actor, 'note.added', event.ticket.id, null, { messageId: event.message.id }];
      return null;
    case 'SlaBreached':
      return [
        null,
        'ticket.sla-breached',
        event.ticket.id,
        { priority: event.priorityBefore, slaBreachedAt: null },
        { priority: event.ticket.priority, slaBreachedAt: iso(event.ticket.slaBreachedAt) },
      ];
    case 'TicketChanged':
      return [event.actor, event.action, event.ticket.id, event.before, event.after];
    default:
      return null;
  }
}

const AUDITED = [
  'TicketOpened',
  'TicketStatusChanged',
  'TicketAssigned',
  'PriorityChanged',
  'MessageAdded',
  'SlaBreached',
  'TicketChanged',
] as const;

export function followForAudit(handlers: SupportEventHandlers): void {
  const record = (event: DomainEvent, { em }: TransactionScope<SupportContext>): void => {
    const entry = entryOf(event);
    if (entry) recordAudit(em, ...entry);
  };
  for (const type of AUDITED) handlers.onInTransaction(type, record);
}
