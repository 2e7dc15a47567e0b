// Satisfaction ratings: recorded once per ticket from the survey's buttons, a comment after, and the counts over a period.
import { raw, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { badInput } from '../errors.js';
import { MAX_BODY_LENGTH } from '../support/message.entity.js';
import { isActiveStatus } from '../support/support.enums.js';
import { Ticket } from '../support/ticket.entity.js';
import { SatisfactionRating, TicketSatisfaction } from './satisfaction.entity.js';
import type { SatisfactionSummary } from './satisfaction.types.js';

/** How long after rating the person's next text counts as the comment. */
export const COMMENT_WINDOW_MS = 30 * 60_000;

/**
 * Records the rating of a resolved ticket by its own person. Returns the rating when it is new; null when the
 * ticket is not theirs, not resolved, or already rated (a repeated tap or delivery changes nothing).
 */
export async function recordRating(
  em: EntityManager,
  ticketId: number,
  phoneNumber: string,
  rating: SatisfactionRating,
): Promise<TicketSatisfaction | null> {
  const ticket = await em.findOne(Ticket, { id: ticketId, phoneNumber }, { fields: ['id', 'status'] });
  if (!ticket || isActiveStatus(ticket.status)) return null;
  if (await em.findOne(TicketSatisfaction, { ticket: ticketId }, { fields: ['id'] })) return null;
  const now = new Date();
  const recorded = em.create(TicketSatisfaction, {
    ticket: em.getReference(Ticket, ticketId),
    phoneNumber,
    rating,
    ratedAt: now,
    commentUntil: new Date(now.getTime() + COMMENT_WINDOW_MS),
  });
  await em.flush();
  return recorded;
}

/** The rating whose comment the person's next text is, if they rated within the comment window. */
export function awaitingComment(em: EntityManager, phoneNumber: string): Promise<TicketSatisfaction | null> {
  return em.findOne(
    TicketSatisfaction,
    { phoneNumber, commentUntil: { $gt: new Date() } },
    { orderBy: { ratedAt: 'desc' } },
  );
}

export function addComment(rating: TicketSatisfaction, text: string): void {
  rating.comment = text.trim().slice(0, MAX_BODY_LENGTH);
  rating.commentUntil = null;
}

/** The person wrote something other than a comment: the survey is over. */
export async function endCommentWait(em: EntityManager, phoneNumber: string): Promise<void> {
  const pending = await em.find(TicketSatisfaction, { phoneNumber, commentUntil: { $ne: null } });
  for (const rating of pending) rating.commentUntil = null;
  await em.flush();
}

export async function loadSatisfactions(
  em: EntityManager,
  ticketIds: readonly number[],
): Promise<(TicketSatisfaction | null)[]> {
  const rows = await em.find(TicketSatisfaction, { ticket: { $in: [...ticketIds] } });
  const byTicket = new Map(rows.map((row) => [row.ticket.id, row]));
  return ticketIds.map((id) => byTicket.get(id) ?? null);
}

const MAX_SUMMARY_DAYS = 3660;

export async function summarizeSatisfaction(em: SqlEntityManager, from: Date, to: Date): Promise<SatisfactionSummary> {
  if (!(from < to)) throw badInput('from must be before to');
  if (to.getTime() - from.getTime() > MAX_SUMMARY_DAYS * 86_400_000)
    throw badInput(`A summary covers at most ${MAX_SUMMARY_DAYS} days`);
  const rows: { rating: SatisfactionRating; total: number | string }[] = await em
    .createQueryBuilder(TicketSatisfaction, 's')
    .select(['s.rating', raw('count(*) as total')])
    .where({ ratedAt: { $gte: from, $lt: to } })
    .groupBy('s.rating')
    .execute('all');
  const count = (rating: SatisfactionRating) => Number(rows.find((row) => row.rating === rating)?.total ?? 0);
  const summary = {
    good: count(SatisfactionRating.GOOD),
    okay: count(SatisfactionRating.OKAY),
    bad: count(SatisfactionRating.BAD),
  };
  return { ...summary, responses: summary.good + summary.okay + summary.bad };
}
