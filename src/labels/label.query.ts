// Label conditions for the ticket list: tickets carrying any of some labels, or a label whose name matches.
import type { SqlEntityManager } from '@mikro-orm/sql';
import { badInput } from '../errors.js';
import { parseId } from '../support/support.validation.js';
import { likeContains } from '../db/like.js';
import { Label } from './label.entity.js';
import { TicketLabel } from './ticket-label.entity.js';

export const MAX_LABEL_FILTER = 100;

/** Ids of tickets carrying at least one of the labels (ids that name no label match nothing). */
export function ticketsWithAnyLabel(em: SqlEntityManager, rawLabelIds: readonly string[]) {
  if (rawLabelIds.length > MAX_LABEL_FILTER) throw badInput(`labelIds holds at most ${MAX_LABEL_FILTER} labels`);
  const labelIds = rawLabelIds.map((raw) => parseId(raw) ?? -1);
  return em
    .createQueryBuilder(TicketLabel, 'tlf')
    .select('tlf.ticket')
    .where({ label: { $in: labelIds } });
}

/** Ids of tickets carrying a label whose name contains the text. */
export function ticketsWithLabelMatching(em: SqlEntityManager, text: string) {
  const labels = em.createQueryBuilder(Label, 'lm').select('lm.id').where(likeContains<Label>('name', text));
  return em
    .createQueryBuilder(TicketLabel, 'tls')
    .select('tls.ticket')
    .where({ label: { $in: labels } });
}
