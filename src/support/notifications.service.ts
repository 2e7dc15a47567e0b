// The dashboard badge's counts, as one agent sees them.
import type { EntityManager } from '@mikro-orm/core';
import { SenderType, TicketStatus } from './support.enums.js';

export interface NotificationCounts {
  openTickets: number;
  inProgress: number;
  unassigned: number;
  unreadTickets: number;
  hasAlerts: boolean;
  snoozed: number;
}

type Count = number | string | null;

/** Snoozed tickets are waiting, not work: they count only as snoozed until they come back. */
export async function countNotifications(em: EntityManager, viewerId: number): Promise<NotificationCounts> {
  const [counts]: { open_count: Count; in_progress: Count; unassigned: Count; unread: Count; snoozed: Count }[] =
    await em.getConnection().execute(
      `select sum(case when t.snoozed_at is null and t.status = ? then 1 else 0 end) as open_count,
              sum(case when t.snoozed_at is null and t.status = ? then 1 else 0 end) as in_progress,
              sum(case when t.snoozed_at is null and t.assigned_admin_id is null then 1 else 0 end) as unassigned,
              sum(case when t.snoozed_at is null and exists (
                    select 1 from support_messages m
                     where m.ticket_id = t.id and m.sender_type = ?
                       and m.id > coalesce((select r.last_read_message_id from support_ticket_reads r
                                             where r.ticket_id = t.id and r.admin_id = ?), 0)
                  ) then 1 else 0 end) as unread,
              sum(case when t.snoozed_at is not null then 1 else 0 end) as snoozed
         from support_tickets t
        where t.status in (?, ?)`,
      [TicketStatus.OPEN, TicketStatus.IN_PROGRESS, SenderType.USER, viewerId, TicketStatus.OPEN, TicketStatus.IN_PROGRESS],
    );
  const unassigned = Number(counts?.unassigned ?? 0);
  const unreadTickets = Number(counts?.unread ?? 0);
  return {
    openTickets: Number(counts?.open_count ?? 0),
    inProgress: Number(counts?.in_progress ?? 0),
    unassigned,
    unreadTickets,
    hasAlerts: unassigned > 0 || unreadTickets > 0,
    snoozed: Number(counts?.snoozed ?? 0),
  };
}
