// The durations reports aggregate, written on the ticket when its first reply or its resolution happens:
// in calendar time and in the business time the desk kept at that moment.
import type { EntityManager } from '@mikro-orm/core';
import { businessMsBetween } from '../desk/business-hours.js';
import { calendarOf, loadDeskSettings } from '../desk/desk-settings.service.js';
import type { Ticket } from '../support/ticket.entity.js';

const clockStart = (ticket: Ticket) => ticket.slaStartsAt ?? ticket.createdAt;

async function elapsed(em: EntityManager, from: Date, to: Date): Promise<[number, number]> {
  const calendar = calendarOf(await loadDeskSettings(em));
  const seconds = (ms: number) => Math.max(0, Math.round(ms / 1000));
  return [seconds(to.getTime() - from.getTime()), seconds(businessMsBetween(calendar, from, to))];
}

/** The ticket got its first reply just now (firstResponseAt is set). */
export async function recordFirstResponseTime(em: EntityManager, ticket: Ticket): Promise<void> {
  if (!ticket.firstResponseAt || ticket.firstResponseSeconds !== null) return;
  [ticket.firstResponseSeconds, ticket.firstResponseBusinessSeconds] = await elapsed(
    em,
    clockStart(ticket),
    ticket.firstResponseAt,
  );
}

/** The ticket's status changed: a resolution is timed, a reopened ticket's is cleared until it is resolved again. */
export async function recordResolutionTime(em: EntityManager, ticket: Ticket): Promise<void> {
  if (!ticket.resolvedAt) {
    ticket.resolutionSeconds = null;
    ticket.resolutionBusinessSeconds = null;
    return;
  }
  if (ticket.resolutionSeconds !== null) return;
  [ticket.resolutionSeconds, ticket.resolutionBusinessSeconds] = await elapsed(
    em,
    clockStart(ticket),
    ticket.resolvedAt,
  );
}
