// Putting labels on tickets and taking them off, for up to 100 tickets at once: one transaction,
// an audit entry and a ticketUpdated event for each ticket that changed.
import type { EntityManager } from '@mikro-orm/core';
import { recordAudit } from '../audit/audit.service.js';
import { badInput, notFound } from '../errors.js';
import { inTransaction, type Actor, type SupportContext } from '../support/support.context.js';
import { parseId } from '../support/support.validation.js';
import { MAX_TICKETS_PER_CHANGE } from '../support/ticket-bulk.service.js';
import { Ticket } from '../support/ticket.entity.js';
import { Label } from './label.entity.js';
import { TicketLabel } from './ticket-label.entity.js';

export const MAX_LABELS_PER_CHANGE = 20;

type Direction = 'add' | 'remove';

function parseIds(raw: readonly string[], what: 'ticket' | 'label', max: number): number[] {
  const unique = [...new Set(raw)];
  if (unique.length === 0) throw badInput(`Pass at least one ${what}`);
  if (unique.length > max) throw badInput(`At most ${max} ${what}s at once, got ${unique.length}`);
  return unique.map((text) => {
    const id = parseId(text);
    if (id === null) throw notFound(what === 'ticket' ? 'Ticket' : 'Label', text);
    return id;
  });
}

async function assertAllExist(em: EntityManager, ticketIds: number[], labelIds: number[]): Promise<Map<number, Label>> {
  const tickets = new Set(
    (await em.find(Ticket, { id: { $in: ticketIds } }, { fields: ['id'] })).map((ticket) => ticket.id),
  );
  const missingTicket = ticketIds.find((id) => !tickets.has(id));
  if (missingTicket !== undefined) throw notFound('Ticket', missingTicket);
  const labels = new Map((await em.find(Label, { id: { $in: labelIds } })).map((label) => [label.id, label]));
  const missingLabel = labelIds.find((id) => !labels.has(id));
  if (missingLabel !== undefined) throw notFound('Label', missingLabel);
  return labels;
}

/** Each ticket's labels now, as id → name. */
async function currentLabels(em: EntityManager, ticketIds: number[]): Promise<Map<number, Map<number, string>>> {
  const links = await em.find(TicketLabel, { ticket: { $in: ticketIds } }, { populate: ['label'] });
  const byTicket = new Map<number, Map<number, string>>(ticketIds.map((id) => [id, new Map()]));
  for (const link of links) byTicket.get(link.ticket.id)?.set(link.label.id, link.label.name);
  return byTicket;
}

const names = (labels: Map<number, string>) =>
  [...labels.values()].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));

async function changeLabels(
  ctx: SupportContext,
  actor: Actor,
  rawTicketIds: readonly string[],
  rawLabelIds: readonly string[],
  direction: Direction,
): Promise<Ticket[]> {
  const ticketIds = parseIds(rawTicketIds, 'ticket', MAX_TICKETS_PER_CHANGE);
  const labelIds = parseIds(rawLabelIds, 'label', MAX_LABELS_PER_CHANGE);
  await inTransaction(ctx, async (em, events) => {
    const labels = await assertAllExist(em, ticketIds, labelIds);
    const before = await currentLabels(em, ticketIds);
    const changes = ticketIds.flatMap((ticketId) => {
      const had = before.get(ticketId)!;
      const affected = labelIds.filter((labelId) => (direction === 'add' ? !had.has(labelId) : had.has(labelId)));
      return affected.length ? [{ ticketId, affected }] : [];
    });
    if (changes.length === 0) return;
    const changed = changes.map((change) => change.ticketId);
    const now = new Date();
    // Touch (and so lock) the changed tickets first, all at once: the links' foreign-key checks then
    // never hold a ticket that another transaction is waiting to change.
    await em.nativeUpdate(Ticket, { id: { $in: changed } }, { updatedAt: now });
    if (direction === 'add') {
      for (const { ticketId, affected } of changes) {
        for (const labelId of affected)
          em.create(TicketLabel, {
            ticket: em.getReference(Ticket, ticketId),
            label: labels.get(labelId)!,
            createdAt: now,
          });
      }
      await em.flush();
    } else {
      await em.nativeDelete(TicketLabel, { ticket: { $in: changed }, label: { $in: labelIds } });
    }
    for (const { ticketId, affected } of changes) {
      const had = before.get(ticketId)!;
      const has = new Map(had);
      for (const labelId of affected) {
        if (direction === 'add') has.set(labelId, labels.get(labelId)!.name);
        else has.delete(labelId);
      }
      recordAudit(
        em,
        actor,
        direction === 'add' ? 'ticket.labeled' : 'ticket.unlabeled',
        ticketId,
        { labels: names(had) },
        { labels: names(has) },
      );
      await events.emit({ type: 'TicketTouched', ticketId, notifications: false });
    }
  });
  const tickets = new Map(
    (await ctx.em.fork().find(Ticket, { id: { $in: ticketIds } })).map((ticket) => [ticket.id, ticket]),
  );
  return ticketIds.map((id) => tickets.get(id)!).filter(Boolean);
}

/** Puts the labels on the tickets; tickets that already carry them are left as they are. */
export function addLabels(
  ctx: SupportContext,
  actor: Actor,
  ticketIds: readonly string[],
  labelIds: readonly string[],
): Promise<Ticket[]> {
  return changeLabels(ctx, actor, ticketIds, labelIds, 'add');
}

/** Takes the labels off the tickets; tickets without them are left as they are. */
export function removeLabels(
  ctx: SupportContext,
  actor: Actor,
  ticketIds: readonly string[],
  labelIds: readonly string[],
): Promise<Ticket[]> {
  return changeLabels(ctx, actor, ticketIds, labelIds, 'remove');
}
