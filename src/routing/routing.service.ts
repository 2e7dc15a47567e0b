// Automatic assignment: the desk's routing settings, agents' availability and capacity, and the queue of
// unassigned tickets that drains, oldest first, to the agents with room.
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { Agent } from '../auth/agent.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { badInput, notFound } from '../errors.js';
import { inTransaction, type Actor, type SupportContext, type TransactionEvents } from '../support/support.context.js';
import { TicketStatus } from '../support/support.enums.js';
import { parseId } from '../support/support.validation.js';
import { Ticket } from '../support/ticket.entity.js';
import { DESK_ROUTING_ID, DeskRouting } from './desk-routing.entity.js';
import { RoutingMode, ruleName } from './routing.enums.js';

/** The most tickets a capacity may allow: anything above is a typo, not a plan. */
export const MAX_CAPACITY = 100;

const ACTIVE = [TicketStatus.OPEN, TicketStatus.IN_PROGRESS];

export function validateCapacity(capacity: number, what: string): number {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) {
    throw badInput(`${what} must be a whole number from 1 to ${MAX_CAPACITY}; ${capacity} is not`);
  }
  return capacity;
}

/** The routing row as it stands (the defaults before anyone changed them). */
export async function readDeskRouting(em: EntityManager): Promise<DeskRouting> {
  return (
    (await em.findOne(DeskRouting, DESK_ROUTING_ID, { refresh: true })) ??
    em.create(DeskRouting, { id: DESK_ROUTING_ID }, { persist: false })
  );
}

/**
 * The routing row, locked for the transaction: every routing decision and settings change queues here, on
 * every instance. The lock is the transaction's first read, so on MariaDB what it reads next (agents, their
 * loads) is read after the previous decision committed. Created on first use; two instances creating it at
 * once collide on the key, a lost race that inTransaction runs again.
 */
async function lockDeskRouting(em: EntityManager): Promise<DeskRouting> {
  const desk = await em.findOne(DeskRouting, DESK_ROUTING_ID, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (desk) return desk;
  const created = em.create(DeskRouting, { id: DESK_ROUTING_ID });
  await em.flush();
  return created;
}

type Count = number | string | null | undefined;

/** Each agent's open and in-progress tickets (snoozed ones included: they come back to their owner). */
export async function activeTicketCounts(em: EntityManager, adminIds: readonly number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>(adminIds.map((id) => [id, 0]));
  if (adminIds.length === 0) return counts;
  const rows: { assigned_admin_id: number | string; n: Count }[] = await em.getConnection().execute(
    `select assigned_admin_id, count(*) as n from support_tickets
      where assigned_admin_id in (${adminIds.map(() => '?').join(', ')}) and status in (?, ?)
      group by assigned_admin_id`,
    [...adminIds, ...ACTIVE],
    'all',
    em.getTransactionContext(),
  );
  for (const row of rows) counts.set(Number(row.assigned_admin_id), Number(row.n ?? 0));
  return counts;
}

export const capacityOf = (agent: Agent, desk: DeskRouting) => agent.capacity ?? desk.defaultCapacity;

/**
 * The agent the next ticket goes to, or null when every available agent is full. Agents take turns in id
 * order, starting after the one chosen last; LEAST_LOADED takes the fewest active tickets, and among equals
 * the next in turn.
 */
export function chooseAgent(
  desk: DeskRouting,
  agents: readonly Agent[],
  loads: ReadonlyMap<number, number>,
): Agent | null {
  const load = (agent: Agent) => loads.get(agent.id) ?? 0;
  const withRoom = agents.filter((agent) => load(agent) < capacityOf(agent, desk));
  const last = desk.lastAssignedAdminId ?? 0;
  const inTurn = [...withRoom.filter((agent) => agent.id > last), ...withRoom.filter((agent) => agent.id <= last)];
  if (inTurn.length === 0) return null;
  if (desk.mode === RoutingMode.ROUND_ROBIN) return inTurn[0]!;
  return inTurn.reduce((best, agent) => (load(agent) < load(best) ? agent : best));
}

/**
 * Gives waiting tickets (unassigned, open or in progress), oldest first, to available agents with room,
 * under the routing row's lock; returns the tickets assigned, by id, with their agent's id. Called after
 * anything that may make room or add work has committed: a ticket opened, closed, resolved, reopened or
 * unassigned, an agent becoming available, a capacity or the mode changed.
 */
export async function assignWaitingTickets(ctx: SupportContext): Promise<Map<number, number>> {
  const assigned = new Map<number, number>();
  // The common case (routing off) costs one plain read and takes no lock.
  if ((await readDeskRouting(ctx.em.fork())).mode === RoutingMode.OFF) return assigned;
  return inTransaction(ctx, async (em, events) => {
    assigned.clear();
    const desk = await lockDeskRouting(em);
    if (desk.mode === RoutingMode.OFF) return assigned;
    const agents = await em.find(Agent, { active: true, available: true }, { orderBy: { id: 'asc' } });
    const loads = await activeTicketCounts(
      em,
      agents.map((agent) => agent.id),
    );
    const room = agents.reduce(
      (sum, agent) => sum + Math.max(0, capacityOf(agent, desk) - (loads.get(agent.id) ?? 0)),
      0,
    );
    if (room === 0) return assigned;
    const waiting = await em.find(
      Ticket,
      { assignee: null, status: { $in: ACTIVE } },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: room, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    for (const ticket of waiting) {
      const agent = chooseAgent(desk, agents, loads);
      if (!agent) break;
      ticket.assignee = agent;
      loads.set(agent.id, (loads.get(agent.id) ?? 0) + 1);
      desk.lastAssignedAdminId = agent.id;
      assigned.set(ticket.id, agent.id);
    }
    await em.flush();
    for (const ticket of waiting.filter((one) => assigned.has(one.id))) {
      const detail = { rule: ruleName[desk.mode] };
      const to = assigned.get(ticket.id)!;
      await events.emit({ type: 'TicketAssigned', ticket, from: null, to, cause: 'automatic', detail, actor: null });
    }
    if (assigned.size > 0) await events.emit({ type: 'RoutingChanged' });
    return assigned;
  });
}

export interface RoutingChange {
  mode?: RoutingMode | null;
  defaultCapacity?: number | null;
}

/** Admins: the mode and the default capacity, audited; a change may let waiting tickets go at once. */
export async function updateRouting(ctx: SupportContext, actor: Actor, change: RoutingChange): Promise<DeskRouting> {
  if (change.defaultCapacity != null) validateCapacity(change.defaultCapacity, 'The default capacity');
  if (change.mode == null && change.defaultCapacity == null)
    throw badInput('Say what to change: mode, defaultCapacity, or both');
  const desk = await inTransaction(ctx, async (em, events) => {
    const row = await lockDeskRouting(em);
    const before = { mode: row.mode, defaultCapacity: row.defaultCapacity };
    if (change.mode != null) row.mode = change.mode;
    if (change.defaultCapacity != null) row.defaultCapacity = change.defaultCapacity;
    row.updatedAt = new Date();
    recordAudit(em, actor, 'routing.changed', null, before, { mode: row.mode, defaultCapacity: row.defaultCapacity });
    await em.flush();
    await events.emit({ type: 'RoutingChanged' });
    return row;
  });
  await assignWaitingTickets(ctx);
  return desk;
}

async function changeAgent(
  ctx: SupportContext,
  actor: Actor,
  adminId: string | number,
  action: string,
  change: (agent: Agent) => void,
): Promise<Agent> {
  const id = parseId(adminId);
  const agent = await inTransaction(ctx, async (em, events) => {
    const row =
      id === null
        ? null
        : await em.findOne(Agent, { id, active: true }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!row) throw notFound('Agent', adminId);
    const before = { available: row.available, capacity: row.capacity };
    change(row);
    recordAudit(em, actor, action, null, before, { id: row.id, available: row.available, capacity: row.capacity });
    await em.flush();
    await events.emit({ type: 'RoutingChanged' });
    return row;
  });
  await assignWaitingTickets(ctx);
  return agent;
}

/** An agent says they are available for new tickets, or away; becoming available takes waiting tickets at once. */
export function setAvailability(ctx: SupportContext, actor: Actor, available: boolean): Promise<Agent> {
  return changeAgent(ctx, actor, actor.adminId, 'agent.availability', (agent) => {
    agent.available = available;
  });
}

/** Admins: one agent's capacity; null goes back to the desk's default. */
export function setAgentCapacity(
  ctx: SupportContext,
  actor: Actor,
  adminId: string,
  capacity: number | null,
): Promise<Agent> {
  if (capacity !== null) validateCapacity(capacity, 'A capacity');
  return changeAgent(ctx, actor, adminId, 'agent.capacity', (agent) => {
    agent.capacity = capacity;
  });
}

/**
 * Puts an agent's open and in-progress tickets back in the queue, inside the caller's transaction (an agent
 * deactivated): each unassignment is audited; the caller runs assignWaitingTickets after commit, so that
 * automatic assignment, when it is on, hands them on. Returns how many went back.
 */
export async function releaseTicketsOf(
  em: EntityManager,
  events: TransactionEvents,
  actor: Actor,
  adminId: number,
  reason: string,
): Promise<number> {
  const tickets = await em.find(
    Ticket,
    { assignee: adminId, status: { $in: ACTIVE } },
    { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  for (const ticket of tickets) ticket.assignee = null;
  await em.flush();
  for (const ticket of tickets) {
    const detail = { reason };
    await events.emit({ type: 'TicketAssigned', ticket, from: adminId, to: null, cause: 'released', detail, actor });
  }
  if (tickets.length > 0) await events.emit({ type: 'RoutingChanged' });
  return tickets.length;
}

/** How many active tickets wait for an agent. */
export function countWaitingTickets(em: EntityManager): Promise<number> {
  return em.count(Ticket, { assignee: null, status: { $in: ACTIVE } });
}
