// Per-request loaders for labels: a page of tickets costs one query for all their labels, whatever its size.
import type { SqlEntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import type { LabelRecord } from './label.entity.js';

async function loadTicketLabels(em: SqlEntityManager, ticketIds: readonly number[]): Promise<LabelRecord[][]> {
  const marks = ticketIds.map(() => '?').join(', ');
  const rows: { ticket_id: number | string; id: number | string; name: string; color: string }[] = await em
    .getConnection()
    .execute(
      `select tl.ticket_id, l.id, l.name, l.color
       from support_ticket_labels tl
       join labels l on l.id = tl.label_id
      where tl.ticket_id in (${marks})
      order by l.name_key, l.id`,
      [...ticketIds],
    );
  const byTicket = new Map<number, LabelRecord[]>(ticketIds.map((id) => [id, []]));
  for (const row of rows)
    byTicket.get(Number(row.ticket_id))?.push({ id: Number(row.id), name: row.name, color: row.color });
  return ticketIds.map((id) => byTicket.get(id)!);
}

async function countTicketsPerLabel(em: SqlEntityManager, labelIds: readonly number[]): Promise<number[]> {
  const marks = labelIds.map(() => '?').join(', ');
  const rows: { label_id: number | string; tickets: number | string }[] = await em
    .getConnection()
    .execute(
      `select label_id, count(*) as tickets from support_ticket_labels where label_id in (${marks}) group by label_id`,
      [...labelIds],
    );
  const counts = new Map(rows.map((row) => [Number(row.label_id), Number(row.tickets)]));
  return labelIds.map((id) => counts.get(id) ?? 0);
}

export function createLabelLoaders(em: SqlEntityManager) {
  return {
    ticketLabels: new DataLoader<number, LabelRecord[]>((ids) => loadTicketLabels(em, ids)),
    labelTicketCount: new DataLoader<number, number>((ids) => countTicketsPerLabel(em, ids)),
  };
}
