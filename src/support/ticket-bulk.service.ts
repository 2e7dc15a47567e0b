// Changing many tickets at once (the list's bulk actions): each ticket in a transaction of its own, through the
// same lifecycle functions as one ticket, so events, audit, SLA, subscriptions and the outbox behave the same;
// a ticket that cannot be changed (gone, already resolved, changed by someone else) costs only itself.
import { Agent } from '../auth/agent.entity.js';
import { badInput, DomainError, notFound } from '../errors.js';
import type { Logger } from '../logger.js';
import { snoozeTicket, validateSnoozeEnd } from './snooze.service.js';
import type { Actor, SupportContext } from './support.context.js';
import type { TicketPriority } from './support.enums.js';
import { parseId, validateBody } from './support.validation.js';
import { Ticket } from './ticket.entity.js';
import { assignTicket, closeTicket, setTicketPriority } from './ticket.service.js';

/** The most tickets one call changes (the list's page is smaller; a tool sends more in several calls). */
export const MAX_TICKETS_PER_CHANGE = 100;

/** What became of one ticket of a bulk change. */
export interface BulkTicketOutcome {
  /** The id as the caller gave it. */
  ticketId: string;
  succeeded: boolean;
  /** After the change; when it failed, as it stands; null when there is no such ticket. */
  ticket: Ticket | null;
  /** Why it was not changed (the code a single-ticket mutation would answer with), or null. */
  error: { code: string; message: string } | null;
}

export interface BulkTicketResult {
  outcomes: BulkTicketOutcome[];
  succeededCount: number;
  failedCount: number;
}

/** The ids without repeats, in the order given; none, or more than the cap, is the caller's mistake. */
export function parseTicketIds(raw: readonly string[]): string[] {
  const unique = [...new Set(raw.map((id) => id.trim()))];
  if (unique.length === 0) throw badInput('Pass at least one ticket');
  if (unique.length > MAX_TICKETS_PER_CHANGE)
    throw badInput(`At most ${MAX_TICKETS_PER_CHANGE} tickets at once, got ${unique.length}`);
  return unique;
}

async function ticketAsItStands(ctx: SupportContext, ticketId: string): Promise<Ticket | null> {
  const id = parseId(ticketId);
  return id === null ? null : ctx.em.fork().findOne(Ticket, id);
}

/** Runs `change` on each ticket (ids from parseTicketIds) in turn; a failure is that ticket's outcome, and the next one goes on. */
async function eachTicket(
  ctx: SupportContext,
  logger: Logger,
  ticketIds: readonly string[],
  change: (ticketId: string) => Promise<Ticket>,
): Promise<BulkTicketResult> {
  const outcomes: BulkTicketOutcome[] = [];
  for (const ticketId of ticketIds) {
    try {
      outcomes.push({ ticketId, succeeded: true, ticket: await change(ticketId), error: null });
    } catch (failure) {
      const known = failure instanceof DomainError;
      if (!known) logger.error({ err: failure, ticketId }, 'unexpected error in a bulk ticket change');
      outcomes.push({
        ticketId,
        succeeded: false,
        ticket: await ticketAsItStands(ctx, ticketId),
        error: known
          ? { code: failure.code, message: failure.message }
          : { code: 'INTERNAL_SERVER_ERROR', message: 'This ticket could not be changed (the error was logged)' },
      });
    }
  }
  const succeededCount = outcomes.filter((outcome) => outcome.succeeded).length;
  return { outcomes, succeededCount, failedCount: outcomes.length - succeededCount };
}

/** Assigns each ticket to the agent (null: unassigns them); an unknown or inactive agent changes nothing. */
export async function assignTickets(
  ctx: SupportContext,
  logger: Logger,
  actor: Actor,
  ticketIds: readonly string[],
  adminId: string | null,
): Promise<BulkTicketResult> {
  const ids = parseTicketIds(ticketIds);
  if (adminId !== null) {
    const id = parseId(adminId);
    if (id === null || !(await ctx.em.fork().findOne(Agent, { id, active: true }))) throw notFound('Agent', adminId);
  }
  return eachTicket(ctx, logger, ids, (ticketId) => assignTicket(ctx, actor, ticketId, adminId));
}

export function setTicketsPriority(
  ctx: SupportContext,
  logger: Logger,
  actor: Actor,
  ticketIds: readonly string[],
  priority: TicketPriority,
): Promise<BulkTicketResult> {
  return eachTicket(ctx, logger, parseTicketIds(ticketIds), (ticketId) =>
    setTicketPriority(ctx, actor, ticketId, priority),
  );
}

/** Resolves each ticket and sends its person the closing message (this one, or the default). */
export function closeTickets(
  ctx: SupportContext,
  logger: Logger,
  actor: Actor,
  ticketIds: readonly string[],
  message: string | null,
): Promise<BulkTicketResult> {
  const ids = parseTicketIds(ticketIds);
  if (message !== null && message.trim() !== '') validateBody(message, 'The closing message');
  return eachTicket(ctx, logger, ids, (ticketId) => closeTicket(ctx, actor, ticketId, message));
}

/** Snoozes each ticket until `until`, or until its person writes; a snooze end that is not allowed changes nothing. */
export function snoozeTickets(
  ctx: SupportContext,
  logger: Logger,
  actor: Actor,
  ticketIds: readonly string[],
  until: Date | null,
  untilReply: boolean,
): Promise<BulkTicketResult> {
  const ids = parseTicketIds(ticketIds);
  validateSnoozeEnd(until, untilReply, Date.now());
  return eachTicket(ctx, logger, ids, (ticketId) => snoozeTicket(ctx, actor, ticketId, until, untilReply));
}
