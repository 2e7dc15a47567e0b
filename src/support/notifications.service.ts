// The dashboard badge's counts, as each agent sees them.
import type { EntityManager } from '@mikro-orm/core';
import { Role } from '../auth/auth.enums.js';
import { InboundFailureState } from '../whatsapp/inbound-failure.entity.js';
import { TicketStatus } from './support.enums.js';

export interface NotificationCounts {
  /** Open and in-progress tickets (active work, what the badge calls "open"); the sum of the next two. */
  activeTickets: number;
  openTickets: number;
  inProgress: number;
  unassigned: number;
  unreadTickets: number;
  hasAlerts: boolean;
  snoozed: number;
  slaBreached: number;
  /** Open and in-progress tickets assigned to this agent, not snoozed: the Mine tab's count. */
  assignedToMe: number;
  /** Notes that mentioned this agent with @name and that they have not opened yet. */
  unreadMentions: number;
  /** Webhook elements parked for an admin (see inbound-failure.service.ts); shown to admins only (visibleTo). */
  parkedElements: number;
  /** Webhook endpoints disabled automatically after failing and not yet enabled again; admins only (visibleTo). */
  disabledWebhookEndpoints: number;
}

type Count = number | string | null | undefined;
const ACTIVE = [TicketStatus.OPEN, TicketStatus.IN_PROGRESS];
const asCount = (value: Count) => Number(value ?? 0);

/**
 * The counts for several agents at once, in two statements whatever their number: one pass over the active
 * tickets for what every agent shares, and one over these agents' read marks. A ticket is unread for an
 * agent while the person's newest message is above the agent's mark; so an agent's unread tickets are the
 * active tickets the person wrote in, less those the agent has read up to the person's newest message.
 * Snoozed tickets are waiting, not work: they count only as snoozed until they come back. Open tickets the
 * SLA sweep escalated count as slaBreached (and raise hasAlerts) until they are resolved.
 */
export async function countNotificationsFor(
  em: EntityManager,
  viewerIds: readonly number[],
): Promise<NotificationCounts[]> {
  const connection = em.getConnection();
  const [shared]: {
    open_count: Count;
    in_progress: Count;
    unassigned: Count;
    from_person: Count;
    snoozed: Count;
    sla_breached: Count;
    parked: Count;
    disabled_webhooks: Count;
  }[] = await connection.execute(
    `select sum(case when snoozed_at is null and status = ? then 1 else 0 end) as open_count,
            sum(case when snoozed_at is null and status = ? then 1 else 0 end) as in_progress,
            sum(case when snoozed_at is null and assigned_admin_id is null then 1 else 0 end) as unassigned,
            sum(case when snoozed_at is null and last_user_message_id is not null then 1 else 0 end) as from_person,
            sum(case when snoozed_at is not null then 1 else 0 end) as snoozed,
            sum(case when snoozed_at is null and sla_breached_at is not null then 1 else 0 end) as sla_breached,
            (select count(*) from inbound_failures where state = ?) as parked,
            (select count(*) from webhook_endpoints where disabled_at is not null and disabled_by is null) as disabled_webhooks
       from support_tickets
      where status in (?, ?)`,
    [TicketStatus.OPEN, TicketStatus.IN_PROGRESS, InboundFailureState.PARKED, ...ACTIVE],
  );
  const reads: { admin_id: number | string; read_count: Count }[] = viewerIds.length
    ? await connection.execute(
        `select r.admin_id, count(*) as read_count
           from support_ticket_reads r
           join support_tickets t on t.id = r.ticket_id
          where r.admin_id in (${viewerIds.map(() => '?').join(', ')})
            and t.status in (?, ?)
            and t.snoozed_at is null
            and r.last_read_message_id >= t.last_user_message_id
          group by r.admin_id`,
        [...viewerIds, ...ACTIVE],
      )
    : [];
  const mine = await countPerViewer(
    em,
    viewerIds,
    `select assigned_admin_id as admin_id, count(*) as n
       from support_tickets
      where assigned_admin_id in (%IDS%) and status in (?, ?) and snoozed_at is null
      group by assigned_admin_id`,
    ACTIVE,
  );
  // The mentions table belongs to mentions/, which follows notes; the badge only counts its rows.
  const mentions = await countPerViewer(
    em,
    viewerIds,
    `select agent_id as admin_id, count(*) as n
       from support_mentions
      where agent_id in (%IDS%) and read_at is null
      group by agent_id`,
    [],
  );
  const readBy = new Map(reads.map((row) => [Number(row.admin_id), asCount(row.read_count)]));
  const unassigned = asCount(shared?.unassigned);
  return viewerIds.map((viewerId) => {
    const unreadTickets = asCount(shared?.from_person) - (readBy.get(viewerId) ?? 0);
    const slaBreached = asCount(shared?.sla_breached);
    const openTickets = asCount(shared?.open_count);
    const inProgress = asCount(shared?.in_progress);
    return {
      activeTickets: openTickets + inProgress,
      openTickets,
      inProgress,
      unassigned,
      unreadTickets,
      hasAlerts: unassigned > 0 || unreadTickets > 0 || slaBreached > 0,
      snoozed: asCount(shared?.snoozed),
      slaBreached,
      assignedToMe: mine.get(viewerId) ?? 0,
      unreadMentions: mentions.get(viewerId) ?? 0,
      parkedElements: asCount(shared?.parked),
      disabledWebhookEndpoints: asCount(shared?.disabled_webhooks),
    };
  });
}

/** A count per agent from one grouped statement; `%IDS%` stands for the agents' placeholders. */
async function countPerViewer(
  em: EntityManager,
  viewerIds: readonly number[],
  sql: string,
  params: readonly unknown[],
): Promise<Map<number, number>> {
  if (viewerIds.length === 0) return new Map();
  const rows: { admin_id: number | string; n: Count }[] = await em
    .getConnection()
    .execute(sql.replace('%IDS%', viewerIds.map(() => '?').join(', ')), [...viewerIds, ...params]);
  return new Map(rows.map((row) => [Number(row.admin_id), asCount(row.n)]));
}

/** Parked webhook elements and disabled webhook endpoints are for admins to see: agents read 0. */
export function visibleTo(counts: NotificationCounts, role: Role): NotificationCounts {
  return role === Role.ADMIN ? counts : { ...counts, parkedElements: 0, disabledWebhookEndpoints: 0 };
}

export async function countNotifications(em: EntityManager, viewerId: number): Promise<NotificationCounts> {
  const [counts] = await countNotificationsFor(em, [viewerId]);
  return counts!;
}
