// The ticket lifecycle: open, assign, prioritise, change status, close, reopen, mark read. Each function locks the
// ticket, changes it and emits what happened; SLA, timings, the survey, the audit trail, automatic assignment and
// the subscriptions follow by their handlers (src/support/domain-events.ts), never by calls from here.
import type { EntityManager } from '@mikro-orm/core';
import { Agent } from '../auth/agent.entity.js';
import { botTextsFor } from '../bot-messages/bot-messages.service.js';
import { badInput, DomainError, ErrorCode, notFound } from '../errors.js';
import { Message } from './message.entity.js';
import { addMessageToThread } from './message.service.js';
import { rememberContactOf } from './contact.service.js';
import {
  type Actor,
  inTransaction,
  inTransactionFollowed,
  type SupportContext,
  type TransactionEvents,
} from './support.context.js';
import { isActiveStatus, SenderType, TicketPriority, TicketStatus } from './support.enums.js';
import { normalizePhoneNumber, parseId, validateBody, validateName } from './support.validation.js';
import { markReadUpTo } from './read-marks.js';
import { Ticket } from './ticket.entity.js';
import { hasReachedTicketLimit, loadTicket, loadTicketForChange } from './ticket.repository.js';
import { changeStatus } from './ticket.status.js';

export interface OpenTicketInput {
  phoneNumber: string;
  senderName?: string | null;
  issueDescription: string;
  priority?: TicketPriority | null;
  studentId?: string | null;
  /** The WhatsApp message that opened it, when it came from WhatsApp. */
  whatsappMessageId?: string | null;
}

/**
 * Runs a change to one ticket and answers with the ticket as the followers left it: when automatic assignment
 * gave it to an agent after commit, it is read again so the answer shows the assignee.
 */
async function changeAndFollow(
  ctx: SupportContext,
  work: (em: EntityManager, events: TransactionEvents) => Promise<Ticket>,
): Promise<Ticket> {
  const { result, changedAfterCommit } = await inTransactionFollowed(ctx, work);
  return changedAfterCommit.has(result.id) ? loadTicket(ctx.em.fork(), result.id) : result;
}

/** Opens a ticket whose first message is the issue, from the API, and assigns it when routing is on. */
export async function openTicket(ctx: SupportContext, input: OpenTicketInput, actor: Actor | null): Promise<Ticket> {
  const phoneNumber = normalizePhoneNumber(input.phoneNumber);
  return changeAndFollow(ctx, async (em, events) => {
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
}

/** Opens a ticket inside the caller's transaction: the API's road and the WhatsApp bot's. */
export async function openTicketInTransaction(
  em: EntityManager,
  events: TransactionEvents,
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
  await events.emit({ type: 'TicketOpened', ticket, firstMessage: first, actor });
  return ticket;
}

/** Manual assignment wins over automatic: to anyone, whatever their capacity. Unassigning makes room, and puts the ticket back in the queue. */
export async function assignTicket(
  ctx: SupportContext,
  actor: Actor,
  ticketId: string,
  adminId: string | null,
): Promise<Ticket> {
  return changeAndFollow(ctx, async (em, events) => {
    const ticket = await loadTicketForChange(em, ticketId);
    const id = adminId === null ? null : parseId(adminId);
    const admin = id === null ? null : await em.findOne(Agent, { id, active: true });
    if (adminId !== null && !admin) throw notFound('Agent', adminId);
    const from = ticket.assignee?.id ?? null;
    ticket.assignee = admin;
    await em.flush();
    await events.emit({ type: 'TicketAssigned', ticket, from, to: admin?.id ?? null, cause: 'manual', actor });
    return ticket;
  });
}

export async function setTicketPriority(
  ctx: SupportContext,
  actor: Actor,
  ticketId: string,
  priority: TicketPriority,
): Promise<Ticket> {
  return inTransaction(ctx, async (em, events) => {
    const ticket = await loadTicketForChange(em, ticketId);
    const from = ticket.priority;
    const dueBefore = { firstResponseDueAt: ticket.firstResponseDueAt, resolutionDueAt: ticket.resolutionDueAt };
    ticket.setPriority(priority);
    await em.flush();
    await events.emit({ type: 'PriorityChanged', ticket, from, to: priority, dueBefore, actor });
    return ticket;
  });
}

export async function setTicketStatus(
  ctx: SupportContext,
  actor: Actor,
  ticketId: string,
  status: TicketStatus,
): Promise<Ticket> {
  return changeAndFollow(ctx, async (em, events) => {
    const ticket = await loadTicketForChange(em, ticketId);
    await changeStatus(em, events, ticket, status, 'set', actor);
    return ticket;
  });
}

/**
 * Resolves the ticket and sends the person a closing message: the agent's own (edited before it goes), the default
 * when they wrote none, or nothing at all when `sendClosingMessage` is false.
 */
export async function closeTicket(
  ctx: SupportContext,
  actor: Actor,
  ticketId: string,
  message: string | null,
  sendClosingMessage = true,
): Promise<Ticket> {
  const written = message !== null && message.trim() !== '';
  if (!sendClosingMessage && written)
    throw badInput('A closing message was written but sendClosingMessage is false: send it, or leave it out');
  const body = written ? validateBody(message, 'The closing message') : null;
  return changeAndFollow(ctx, async (em, events) => {
    const ticket = await loadTicketForChange(em, ticketId);
    if (!isActiveStatus(ticket.status)) throw badInput(`Ticket ${ticket.id} is already ${ticket.status}`);
    if (sendClosingMessage) {
      const closing = await addMessageToThread(ctx, em, ticket, {
        senderType: body ? SenderType.ADMIN : SenderType.BOT,
        senderName: body ? actor.name : null,
        authorId: body ? actor.adminId : null,
        // Without the agent's own words: the bot's closing message, in the person's language.
        body: body ?? (await botTextsFor(em, ticket.phoneNumber)).closing,
        toPerson: true,
      });
      await events.emit({ type: 'MessageAdded', ticket, message: closing, kind: 'closing', actor });
    }
    // After the closing message: the survey, a follower of the resolution, goes out after it, in order.
    await changeStatus(em, events, ticket, TicketStatus.RESOLVED, 'closed', actor);
    return ticket;
  });
}

export async function reopenTicket(ctx: SupportContext, actor: Actor, ticketId: string): Promise<Ticket> {
  return changeAndFollow(ctx, async (em, events) => {
    const ticket = await loadTicketForChange(em, ticketId);
    if (isActiveStatus(ticket.status))
      throw badInput(`Ticket ${ticket.id} is ${ticket.status}, not resolved or closed`);
    // Open work again, with the assignee kept: a new SLA round from now, and the resolution timed afresh.
    const status = ticket.firstResponseAt ? TicketStatus.IN_PROGRESS : TicketStatus.OPEN;
    await changeStatus(em, events, ticket, status, 'reopened', actor);
    return ticket;
  });
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
export async function reopenOnPersonMessage(
  em: EntityManager,
  events: TransactionEvents,
  ticket: Ticket,
): Promise<void> {
  await changeStatus(em, events, ticket, TicketStatus.OPEN, 'person-wrote', null);
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
    await events.emit({ type: 'NotificationsChanged', ticketId: ticket.id });
  });
  return ticket;
}
