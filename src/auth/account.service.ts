// What an agent does with their own account: change the password, see their sessions and end them, and set a
// new password with a code an admin gave them. Every change is audited; ended sessions are published so
// that every instance forgets them and closes their sockets at once.
import { randomBytes } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { recordAudit } from '../audit/audit.service.js';
import { badInput, DomainError, ErrorCode, notFound } from '../errors.js';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { inTransaction, type SupportContext } from '../support/support.context.js';
import { parseId } from '../support/support.validation.js';
import { Agent } from './agent.entity.js';
import { AuthSession } from './auth-session.entity.js';
import { actorOf, sha256 } from './auth.service.js';
import type { SessionCaller } from './caller.js';
import { PasswordReset } from './password-reset.entity.js';
import { assertUsablePassword } from './password-policy.js';
import { hashPassword, verifyPassword, type ScryptParams } from './password.js';

/** Ends an agent's live sessions but one (or all, with null); returns how many. */
export function endSessions(em: EntityManager, adminId: number, exceptSessionId: number | null): Promise<number> {
  const except = exceptSessionId === null ? {} : { id: { $ne: exceptSessionId } };
  return em.nativeUpdate(AuthSession, { admin: adminId, revokedAt: null, ...except }, { revokedAt: new Date() });
}

/** Makes every unused reset code of an agent useless (a newer code, a changed password). */
export function retireResetCodes(em: EntityManager, adminId: number): Promise<number> {
  return em.nativeUpdate(PasswordReset, { admin: adminId, usedAt: null }, { usedAt: new Date() });
}

/**
 * The signed-in agent's new password, given the current one. Every other session of theirs ends (on every
 * instance, sockets included); this one goes on. Wrong current passwords count like failed sign-ins.
 */
export async function changePassword(
  ctx: SupportContext,
  caller: SessionCaller,
  change: { currentPassword: string; newPassword: string },
  options: { hashParams: ScryptParams; guesses: RateLimiterAbstract },
): Promise<number> {
  const actor = actorOf(caller);
  const guessesKey = String(caller.admin.id);
  if (((await options.guesses.get(guessesKey).catch(() => null))?.consumedPoints ?? 0) >= options.guesses.points) {
    throw new DomainError(ErrorCode.RATE_LIMITED, 'Too many wrong current passwords; wait 15 minutes and try again');
  }
  const stored = await ctx.em.fork().findOne(Agent, caller.admin.id, { fields: ['passwordHash'] });
  if (!stored || !(await verifyPassword(change.currentPassword, stored.passwordHash))) {
    await options.guesses.penalty(guessesKey).catch(() => undefined);
    const em = ctx.em.fork();
    recordAudit(em, actor, 'auth.password.change-failed', null, null, { reason: 'wrong current password' });
    await em.flush();
    // Not UNAUTHENTICATED: the session is fine, and clients sign out on that code.
    throw badInput('The current password is wrong');
  }
  if (change.newPassword === change.currentPassword) throw badInput('The new password is the same as the current one');
  assertUsablePassword(change.newPassword);
  const passwordHash = await hashPassword(change.newPassword, options.hashParams);
  return inTransaction(ctx, async (em, events) => {
    const admin = await em.findOneOrFail(Agent, caller.admin.id, {
      lockMode: LockMode.PESSIMISTIC_WRITE,
      refresh: true,
    });
    admin.passwordHash = passwordHash;
    const ended = await endSessions(em, admin.id, caller.sessionId);
    await retireResetCodes(em, admin.id);
    recordAudit(em, actor, 'auth.password.changed', null, null, { otherSessionsEnded: ended });
    await em.flush();
    await events.emit({ type: 'AuthRevoked', adminId: admin.id, exceptSessionId: caller.sessionId });
    return ended;
  });
}

/** The signed-in agent's live sessions, the most recently used first. */
export function listSessions(em: EntityManager, caller: SessionCaller): Promise<AuthSession[]> {
  return em.find(
    AuthSession,
    { admin: caller.admin.id, revokedAt: null, expiresAt: { $gt: new Date() } },
    { orderBy: { lastUsedAt: 'desc', id: 'desc' } },
  );
}

/** Ends one of the agent's own sessions (this one included: that is signing out). False when it had ended already. */
export async function revokeSession(ctx: SupportContext, caller: SessionCaller, id: string): Promise<boolean> {
  const sessionId = parseId(id);
  return inTransaction(ctx, async (em, events) => {
    const session =
      sessionId === null ? null : await em.findOne(AuthSession, { id: sessionId, admin: caller.admin.id });
    if (!session) throw notFound('Session', id);
    if (session.revokedAt || session.expiresAt <= new Date()) return false;
    session.revokedAt = new Date();
    recordAudit(em, actorOf(caller), 'auth.session.revoked', null, null, { sessionId: session.id });
    await em.flush();
    await events.emit({ type: 'AuthRevoked', sessionId: session.id });
    return true;
  });
}

/** Ends every session of the agent but the calling one; returns how many ended. */
export async function revokeOtherSessions(ctx: SupportContext, caller: SessionCaller): Promise<number> {
  return inTransaction(ctx, async (em, events) => {
    const ended = await endSessions(em, caller.admin.id, caller.sessionId);
    recordAudit(em, actorOf(caller), 'auth.sessions.revoked', null, null, { otherSessionsEnded: ended });
    await em.flush();
    await events.emit({ type: 'AuthRevoked', adminId: caller.admin.id, exceptSessionId: caller.sessionId });
    return ended;
  });
}

/** A new reset code: 144 random bits, typed or pasted by a person, so no prefix and no padding. */
export const newResetCode = () => randomBytes(18).toString('base64url');

const CODE_REFUSED = 'This reset code is wrong, used or expired; ask an admin for a new one';

/**
 * Sets a new password with a reset code (no sign-in needed). The code works once, until it expires; every
 * session of the agent ends. Tells nothing about whose code it was when it fails.
 */
export async function resetPasswordWithCode(
  ctx: SupportContext,
  code: string,
  newPassword: string,
  hashParams: ScryptParams,
): Promise<void> {
  assertUsablePassword(newPassword);
  const codeHash = sha256(code.trim());
  const live = await ctx.em.fork().findOne(PasswordReset, { codeHash, usedAt: null, expiresAt: { $gt: new Date() } });
  if (!live) throw badInput(CODE_REFUSED);
  const passwordHash = await hashPassword(newPassword, hashParams);
  await inTransaction(ctx, async (em, events) => {
    // The code is spent by the one request that flips usedAt: two requests with one code cannot both win.
    const spent = await em.nativeUpdate(
      PasswordReset,
      { id: live.id, usedAt: null, expiresAt: { $gt: new Date() } },
      { usedAt: new Date() },
    );
    if (spent === 0) throw badInput(CODE_REFUSED);
    const admin = await em.findOneOrFail(Agent, live.admin.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    admin.passwordHash = passwordHash;
    const ended = await endSessions(em, admin.id, null);
    recordAudit(em, { adminId: admin.id, label: admin.email }, 'auth.password.reset', null, null, {
      resetId: live.id,
      sessionsEnded: ended,
    });
    await em.flush();
    await events.emit({ type: 'AuthRevoked', adminId: admin.id });
  });
}
