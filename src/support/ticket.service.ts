// The ticket lifecycle: open, assign, prioritise, change status, close, reopen, mark read.
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { Admin } from '../auth/admin.entity.js';
import { recordResolutionTime } from '../reports/ticket-timings.js';
import { recordAudit } from '../audit/audit.service.js';
import { badInput, DomainError, ErrorCode, notFound } from '../errors.js';
import type { SupportEvent } from '../pubsub/pubsub.js';
import { Message } from './message.entity.js';
import { inTransaction, type Actor, type SupportContext } from './support.context.js';
import { isActiveStatus, SenderType, TicketPriority, TicketStatus } from './support.enums.js';
import { normalizePhoneNumber, parseId, validateBody, validateName } from './support.validation.js';
import { TicketRead } from './ticket-read.entity.js';
import { Ticket } from './ticket.entity.js';
import { addMessageToThread } from './message.service.js';
import { rememberContactOf } from './contact.service.js';
import { assignWaitingTickets } from '../routing/routing.service.js';
import { applySlaPolicy, startNewSlaRound } from '../desk/sla.service.js';

/** What the person gets when an agent closes a ticket without writing their own message. */
export const DEFAULT_CLOSING_MESSAGE = '✅ Your support ticket has been resolved!';

export interface OpenTicketInput {
  phoneNumber: string;
  senderName?: string | null;
  issueDescription: string;
  priority?: TicketPriority | null;
  studentId?: string | null;
  /** The WhatsApp message that opened it, when it came from WhatsApp. */
  whatsappMessageId?: string | null;
}

export async function loadTicket(em: EntityManager, id: string | number): Promise<Ticket> {
  const ticketId = parseId(id);
  const ticket = ticketId === null ? null : await em.findOne(Ticket, ticketId);
  if (!ticket) throw notFound('Ticket', id);
  return ticket;
}

/**
 * Loads a ticket inside a transaction that will change it, locking its row (SELECT … FOR UPDATE) where the
 * database has row locks: concurrent writers then queue instead of deadlocking on the messages' foreign key.
 * (SQLite has no row locks and needs none: it runs one write transaction at a time.)
 */
export async function loadTicketForChange(em: EntityManager, id: string | number): Promise<Ticket> {
  const ticketId = parseId(id);
  const ticket =
    ticketId === null
      ? null
      : await em.findOne(Ticket, ticketId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!ticket) throw notFound('Ticket', id);
  return ticket;
}

export const ticketChanged = (ticketId: number): SupportEvent[] => [
  { topic: 'TICKET_UPDATED', payload: { ticketId } },
  { topic: 'NOTIFICATIONS_CHANGED', payload: { ticketId } },
];

/** Whether this number has opened as many tickets in the last hour as it may. */
export async function hasReachedTicketLimit(em: EntityManager, phoneNumber: string, perHour: number): Promise<boolean> {
  const recent = await em.count(Ticket, { phoneNumber, createdAt: { $gt: new Date(Date.now() - 3600_000) } });
  return recent >= perHour;
}

/**
 * After a change that may add waiting work or make room has committed: automatic assignment gives waiting
 * tickets to agents with room. Returns the ticket as it is then (assigned, if it was among them).
 */
async function afterRouting(ctx: SupportContext, ticket: Ticket): Promise<Ticket> {
  const assigned = await assignWaitingTickets(ctx);
  return assigned.has(ticket.id) ? loadTicket(ctx.em.fork(), ticket.id) : ticket;
}

/** Opens a ticket whose first message is the issue, from the API, and assigns it when routing is on. */
export async function openTicket(ctx: SupportContext, input: OpenTicketInput, actor: Actor | null): Promise<Ticket> {
  const phoneNumber = normalizePhoneNumber(input.phoneNumber);
  const ticket = await inTransaction(ctx, async (em, events) => {
    if (await hasReachedTicketLimit(em, phoneNumber, ctx.ticketsPerPhonePerHour)) {
      throw new DomainError(
        ErrorCode.RATE_LIMITED,
        `+${phoneNumber} has opened ${ctx.ticketsPerPhonePerHour} tickets in the last hour; add to one of them instead`,
      );
    }
    const opened = await openTicketInTransaction(em, events, input, actor);
    await rememberContactOf(em, opened);
    return opened;
  });
  return afterRouting(ctx, ticket);
}

/** Opens a ticket inside the caller's transaction: the API's road and the WhatsApp bot's. */
export async function openTicketInTransaction(
  em: EntityManager,
  events: SupportEvent[],
  input: OpenTicketInput & { userMessageAt?: Date },
  actor: Actor | null,
): Promise<Ticket> {
  const phoneNumber = normalizePhoneNumber(input.phoneNumber);
  const issueDescription = validateBody(input.issueDescription, 'The issue description');
  const senderName = validateName(input.senderName);
  const studentId = validateName(input.studentId, 64);
  const now = new Date();
  const ticket = em.create(Ticket, {
    phoneNumber,
    senderName,
    issueDescription,
    studentId,
    createdAt: now,
    updatedAt: now,
    lastMessageAt: now,
    lastUserMessageAt: input.userMessageAt ?? now,
    // The SLA clock starts when the person wrote, which may be before the delivery reached us.
    slaStartsAt: input.userMessageAt && input.userMessageAt < now ? input.userMessageAt : now,
  });
  ticket.setPriority(input.priority ?? TicketPriority.MEDIUM);
  await applySlaPolicy(em, ticket);
  em.persist(ticket);
  const first = em.create(Message, {
    ticket,
    senderType: SenderType.USER,
    senderName,
    body: issueDescription,
    createdAt: now,
    whatsappMessageId: input.whatsappMessageId ?? null,
  });
  await em.flush();
  ticket.lastUserMessageId = first.id;
  recordAudit(em, actor, 'ticket.opened', ticket.id, null, { phoneNumber, priority: ticket.priority });
  events.push(
    { topic: 'TICKET_CREATED', payload: { ticketId: ticket.id } },
    { topic: 'MESSAGE_ADDED', payload: { ticketId: ticket.id, messageId: first.id } },
    { topic: 'NOTIFICATIONS_CHANGED', payload: { ticketId: ticket.id } },
  );
  return ticket;
}

/** Loads the ticket in the transaction, applies `change`, and records before and after of `fields`. */
export async function changeTicket(
  ctx: SupportContext,
  actor: Actor,
  ticketId: string,
  action: string,
  fields: readonly (keyof Ticket)[],
  change: (ticket: Ticket, em: EntityManager) => Promise<void> | void,
): Promise<Ticket> {
  return inTransaction(ctx, async (em, events) => {
    const ticket = await loadTicketForChange(em, ticketId);
    const snapshot = () => Object.fromEntries(fields.map((field) => [field, describe(ticket[field])]));
    const before = snapshot();
    await change(ticket, em);
    await em.flush();
    recordAudit(em, actor, action, ticket.id, before, snapshot());
    events.push(...ticketChanged(ticket.id));
    return ticket;
  });
}

function describe(value: unknown): unknown {
  if (value instanceof Admin) return value.id;
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

/** Manual assignment wins over automatic: to anyone, whatever their capacity. Unassigning makes room, and puts the ticket back in the queue. */
export async function assignTicket(
  ctx: SupportContext,
  actor: Actor,
  ticketId: string,
  adminId: string | null,
): Promise<Ticket> {
  const ticket = await changeTicket(ctx, actor, ticketId, 'ticket.assigned', ['assignee'], async (changed, em) => {
    if (adminId === null) {
      changed.assignee = null;
      return;
    }
    const id = parseId(adminId);
    const admin = id === null ? null : await em.findOne(Admin, { id, active: true });
    if (!admin) throw notFound('Agent', adminId);
    changed.assignee = admin;
  });
  return afterRouting(ctx, ticket);
}

export async function setTicketPriority(
  ctx: SupportContext,
  actor: Actor,
  ticketId: string,
  priority: TicketPriority,
): Promise<Ticket> {
  return changeTicket(
    ctx,
    actor,
    ticketId,
    'ticket.priority',
    ['priority', 'firstResponseDueAt', 'resolutionDueAt'],
    async (ticket, em) => {
      ticket.setPriority(priority);
      await applySlaPolicy(em, ticket);
    },
  );
}

function applyStatus(ticket: Ticket, status: TicketStatus): void {
  ticket.status = status;
  if (isActiveStatus(status)) ticket.resolvedAt = null;
  else ticket.resolvedAt ??= new Date();
  // A snooze is a pause of open work: a resolved or closed ticket has none.
  if (!isActiveStatus(status)) ticket.endSnooze();
}

/** Sends the satisfaction survey when a ticket that was open work is now resolved (and the survey is on). */
async function surveyIfResolved(
  ctx: SupportContext,
  em: EntityManager,
  ticket: Ticket,
  wasActive: boolean,
): Promise<void> {
  if (ctx.satisfactionSurvey && wasActive && ticket.status === TicketStatus.RESOLVED)
    await ctx.outbound.askForRating(em, ticket);
}

export async function setTicketStatus(
  ctx: SupportContext,
  actor: Actor,
  ticketId: string,
  status: TicketStatus,
): Promise<Ticket> {
  const ticket = await changeTicket(
    ctx,
    actor,
    ticketId,
    'ticket.status',
    ['status', 'resolvedAt'],
    async (changed, em) => {
      const wasActive = isActiveStatus(changed.status);
      applyStatus(changed, status);
      if (!wasActive && isActiveStatus(status)) await startNewSlaRound(em, changed);
      await recordResolutionTime(em, changed);
      await surveyIfResolved(ctx, em, changed, wasActive);
    },
  );
  return afterRouting(ctx, ticket);
}

/** Resolves the ticket and sends the person a closing message (the agent's own, or the default). */
export async function closeTicket(
  ctx: SupportContext,
  actor: Actor,
  ticketId: string,
  message: string | null,
): Promise<Ticket> {
  const body = message === null || message.trim() === '' ? null : validateBody(message, 'The closing message');
  const closed = await inTransaction(ctx, async (em, events) => {
    const ticket = await loadTicketForChange(em, ticketId);
    if (!isActiveStatus(ticket.status)) throw badInput(`Ticket ${ticket.id} is already ${ticket.status}`);
    const before = { status: ticket.status, resolvedAt: null };
    applyStatus(ticket, TicketStatus.RESOLVED);
    await recordResolutionTime(em, ticket);
    const closing = await addMessageToThread(ctx, em, ticket, {
      senderType: body ? SenderType.ADMIN : SenderType.BOT,
      senderName: body ? actor.name : null,
      authorId: body ? actor.adminId : null,
      body: body ?? DEFAULT_CLOSING_MESSAGE,
      toPerson: true,
    });
    // After the closing message: outbox rows for one person go out in order.
    await surveyIfResolved(ctx, em, ticket, true);
    recordAudit(em, actor, 'ticket.closed', ticket.id, before, {
      status: ticket.status,
      resolvedAt: ticket.resolvedAt?.toISOString(),
    });
    events.push(
      { topic: 'MESSAGE_ADDED', payload: { ticketId: ticket.id, messageId: closing.id } },
      ...ticketChanged(ticket.id),
    );
    return ticket;
  });
  return afterRouting(ctx, closed);
}

/** Open work again: a new SLA round from now, and the resolution timed afresh at the next one. The assignee stays. */
async function applyReopen(em: EntityManager, ticket: Ticket, status: TicketStatus): Promise<void> {
  applyStatus(ticket, status);
  await startNewSlaRound(em, ticket);
  await recordResolutionTime(em, ticket);
}

export async function reopenTicket(ctx: SupportContext, actor: Actor, ticketId: string): Promise<Ticket> {
  const ticket = await changeTicket(
    ctx,
    actor,
    ticketId,
    'ticket.reopened',
    ['status', 'resolvedAt'],
    async (changed, em) => {
      if (isActiveStatus(changed.status))
        throw badInput(`Ticket ${changed.id} is ${changed.status}, not resolved or closed`);
      await applyReopen(em, changed, changed.firstResponseAt ? TicketStatus.IN_PROGRESS : TicketStatus.OPEN);
    },
  );
  return afterRouting(ctx, ticket);
}

/** Whether a person's message written at `writtenAt` reopens their resolved ticket: it came within `withinMs` of the resolution. */
export function reopensOnMessage(
  ticket: Pick<Ticket, 'status' | 'resolvedAt'>,
  writtenAt: Date,
  withinMs: number,
): boolean {
  return (
    withinMs > 0 &&
    ticket.status === TicketStatus.RESOLVED &&
    ticket.resolvedAt !== null &&
    writtenAt.getTime() - ticket.resolvedAt.getTime() <= withinMs
  );
}

/**
 * The person wrote again soon after their ticket was resolved (the caller's transaction, the ticket locked): it is
 * OPEN again, waiting for an answer, with its assignee kept; audited as the person's doing, and the desk is told.
 */
export async function reopenOnPersonMessage(em: EntityManager, events: SupportEvent[], ticket: Ticket): Promise<void> {
  const before = { status: ticket.status, resolvedAt: ticket.resolvedAt?.toISOString() ?? null };
  await applyReopen(em, ticket, TicketStatus.OPEN);
  await em.flush();
  recordAudit(em, null, 'ticket.reopened', ticket.id, before, {
    status: ticket.status,
    resolvedAt: null,
    reason: 'the person wrote again',
  });
  events.push(...ticketChanged(ticket.id));
}

/**
 * Moves the agent's read mark to the newest message, and the first time an agent reads the person's
 * latest message, marks it read on WhatsApp too, so the person sees that someone is looking.
 */
export async function markTicketRead(ctx: SupportContext, adminId: number, ticketId: string): Promise<Ticket> {
  const ticket = await loadTicket(ctx.em, ticketId);
  await inTransaction(ctx, async (em, events) => {
    await markReadUpTo(em, adminId, ticket.id);
    const latest = await em.findOne(
      Message,
      { ticket: ticket.id, senderType: SenderType.USER, whatsappMessageId: { $ne: null } },
      { orderBy: { id: 'desc' } },
    );
    if (latest?.whatsappMessageId && (ticket.readReceiptMessageId ?? 0) < latest.id) {
      const locked = await loadTicketForChange(em, ticket.id);
      if ((locked.readReceiptMessageId ?? 0) < latest.id) {
        locked.readReceiptMessageId = latest.id;
        await ctx.outbound.markPersonRead(em, locked, latest.whatsappMessageId);
        await em.flush();
      }
    }
    events.push({ topic: 'NOTIFICATIONS_CHANGED', payload: { ticketId: ticket.id } });
  });
  return ticket;
}

export async function markReadUpTo(em: EntityManager, adminId: number, ticketId: number): Promise<void> {
  const newest = await em.findOne(Message, { ticket: ticketId }, { orderBy: { id: 'desc' }, fields: ['id'] });
  await em.upsert(
    TicketRead,
    { ticket: ticketId, admin: adminId, lastReadMessageId: newest?.id ?? 0, readAt: new Date() },
    {
      onConflictFields: ['ticket', 'admin'],
      onConflictAction: 'merge',
      onConflictMergeFields: ['lastReadMessageId', 'readAt'],
    },
  );
}
