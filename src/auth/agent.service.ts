// What admins do to agents' accounts: rename, change role, deactivate and reactivate, and make a password-reset
// code. The desk always keeps one active admin. Ended access is published, so every instance acts at once.
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { recordAudit } from '../audit/audit.service.js';
import { badInput, DomainError, ErrorCode, notFound } from '../errors.js';
import { releaseTicketsOf } from '../routing/routing.service.js';
import { inTransaction, type Actor, type SupportContext } from '../support/support.context.js';
import { parseId, validateName } from '../support/support.validation.js';
import { endSessions, newResetCode, retireResetCodes } from './account.service.js';
import { Agent } from './agent.entity.js';
import { Role } from './auth.enums.js';
import { sha256 } from './auth.service.js';
import { PasswordReset } from './password-reset.entity.js';
import { unusableHash, type ScryptParams } from './password.js';

async function lockAgent(em: EntityManager, id: string): Promise<Agent> {
  const adminId = parseId(id);
  const agent =
    adminId === null ? null : await em.findOne(Agent, adminId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!agent) throw notFound('Agent', id);
  return agent;
}

/**
 * Locks the active admins' rows, in id order and before any other row, so that two admins demoting or
 * deactivating each other at once queue here (and never deadlock) and the second sees the first's change.
 */
function lockActiveAdmins(em: EntityManager): Promise<Agent[]> {
  return em.find(
    Agent,
    { role: Role.ADMIN, active: true },
    { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
}

/** Refuses to take away the last active admin. */
function assertAnotherActiveAdmin(activeAdmins: readonly Agent[], agent: Agent, change: string): void {
  if (!activeAdmins.some((admin) => admin.id === agent.id)) return;
  if (activeAdmins.length <= 1) {
    throw new DomainError(
      ErrorCode.LAST_ADMIN,
      `${agent.name} is the desk's last active admin and cannot be ${change}; make another agent an admin first`,
    );
  }
}

export interface AgentChange {
  name?: string | null;
  role?: Role | null;
}

/** Renames an agent or changes their role; their next request (and their sockets, which reconnect) see it. */
export async function updateAgent(ctx: SupportContext, actor: Actor, id: string, change: AgentChange): Promise<Agent> {
  const name = change.name == null ? null : validateName(change.name, 120);
  if (change.name != null && !name) throw badInput('An agent needs a name');
  if (name === null && change.role == null) throw badInput('Say what to change: name, role, or both');
  return inTransaction(ctx, async (em, events) => {
    const activeAdmins = change.role === Role.AGENT ? await lockActiveAdmins(em) : [];
    const agent = await lockAgent(em, id);
    const before = { name: agent.name, role: agent.role };
    if (change.role != null && change.role !== agent.role) {
      assertAnotherActiveAdmin(activeAdmins, agent, 'made an agent');
      agent.role = change.role;
    }
    if (name !== null) agent.name = name;
    if (before.name === agent.name && before.role === agent.role) return agent;
    recordAudit(
      em,
      actor,
      'agent.updated',
      null,
      { id: agent.id, ...before },
      { id: agent.id, name: agent.name, role: agent.role },
    );
    await em.flush();
    await events.emit({ type: 'AgentChanged', adminId: agent.id });
    await events.emit({ type: 'RoutingChanged' });
    return agent;
  });
}

/**
 * Deactivates an agent: they cannot sign in, their sessions end and their API tokens stop working, on every
 * instance at once (sockets included), and their open tickets go back to the queue (or, with automatic
 * assignment on, to the next agent with room).
 */
export async function deactivateAgent(ctx: SupportContext, actor: Actor, id: string): Promise<Agent> {
  const agent = await inTransaction(ctx, async (em, events) => {
    const activeAdmins = await lockActiveAdmins(em);
    const agent = await lockAgent(em, id);
    if (!agent.active) return agent;
    assertAnotherActiveAdmin(activeAdmins, agent, 'deactivated');
    agent.active = false;
    agent.available = false;
    const sessionsEnded = await endSessions(em, agent.id, null);
    await retireResetCodes(em, agent.id);
    const ticketsReleased = await releaseTicketsOf(em, events, actor, agent.id, 'agent deactivated');
    recordAudit(
      em,
      actor,
      'agent.deactivated',
      null,
      { id: agent.id, active: true },
      { id: agent.id, active: false, sessionsEnded, ticketsReleased },
    );
    await em.flush();
    await events.emit({ type: 'AuthRevoked', adminId: agent.id, apiTokens: true });
    await events.emit({ type: 'RoutingChanged' });
    return agent;
  });
  return agent;
}

/** Lets a deactivated agent sign in again with their password (their old sessions stay ended). */
export async function reactivateAgent(ctx: SupportContext, actor: Actor, id: string): Promise<Agent> {
  return inTransaction(ctx, async (em, events) => {
    const agent = await lockAgent(em, id);
    if (agent.active) return agent;
    agent.active = true;
    recordAudit(em, actor, 'agent.reactivated', null, { id: agent.id, active: false }, { id: agent.id, active: true });
    await em.flush();
    await events.emit({ type: 'RoutingChanged' });
    return agent;
  });
}

/**
 * Makes a one-time code with which the agent sets a new password, valid for `ttlSeconds`; only its hash is
 * kept, and the code is returned once. The agent's old password stops working now and their sessions end:
 * a reset is for a password forgotten or leaked. An earlier unused code stops working.
 */
export async function createPasswordReset(
  ctx: SupportContext,
  actor: Actor,
  id: string,
  options: { ttlSeconds: number; hashParams: ScryptParams },
): Promise<{ code: string; expiresAt: Date; admin: Agent }> {
  if (parseId(id) === actor.adminId)
    throw badInput('Change your own password from your account page, with your current password');
  const code = newResetCode();
  return inTransaction(ctx, async (em, events) => {
    const agent = await lockAgent(em, id);
    await retireResetCodes(em, agent.id);
    agent.passwordHash = unusableHash(options.hashParams);
    const sessionsEnded = await endSessions(em, agent.id, null);
    const expiresAt = new Date(Date.now() + options.ttlSeconds * 1000);
    const reset = em.create(PasswordReset, {
      codeHash: sha256(code),
      admin: agent,
      createdById: actor.adminId,
      expiresAt,
    });
    await em.flush();
    recordAudit(em, actor, 'agent.password-reset', null, null, {
      id: agent.id,
      resetId: reset.id,
      expiresAt: expiresAt.toISOString(),
      sessionsEnded,
    });
    await em.flush();
    await events.emit({ type: 'AuthRevoked', adminId: agent.id });
    return { code, expiresAt, admin: agent };
  });
}
