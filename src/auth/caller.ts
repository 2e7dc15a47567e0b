// Who is calling: an agent signed in with a session, or a tool with an API token (acting for the admin who made it).
import type { Agent } from './agent.entity.js';
import { ApiScope, Role } from './auth.enums.js';
import { forbidden } from '../errors.js';
import type { AuthRevocation } from '../pubsub/pubsub.js';

export type Caller =
  | { kind: 'session'; admin: Agent; sessionId: number; scopes: readonly ApiScope[]; expiresAt: Date | null }
  | {
      kind: 'api-token';
      admin: Agent;
      tokenId: number;
      tokenName: string;
      scopes: readonly ApiScope[];
      expiresAt: Date | null;
    };

export const ALL_SCOPES: readonly ApiScope[] = [ApiScope.READ, ApiScope.WRITE];

export type OperationKind = 'query' | 'mutation' | 'subscription';

/**
 * WRITE includes READ, as GitHub's scopes do: a change answers with what it changed (a ticket, its thread, its
 * contact), so a token that may change tickets reads them anyway; saying so is more honest than a WRITE-only
 * token that reads through mutation results. A token asked for with WRITE is made, and read, with both.
 */
export function withImpliedScopes(scopes: readonly ApiScope[]): ApiScope[] {
  return ALL_SCOPES.filter(
    (scope) => scopes.includes(scope) || (scope === ApiScope.READ && scopes.includes(ApiScope.WRITE)),
  );
}

/** Queries and subscriptions need READ, mutations need WRITE (which includes READ). Sessions carry both. */
export function assertMayRun(caller: Caller, operation: OperationKind): void {
  const needed = operation === 'mutation' ? ApiScope.WRITE : ApiScope.READ;
  if (!caller.scopes.includes(needed)) {
    throw forbidden(`This token lacks the ${needed} scope needed for a ${operation}`);
  }
}

/** The caller's own budget in rate limits: one per session or API token, not per agent. */
export function rateLimitKey(caller: Caller): string {
  return caller.kind === 'session' ? `session:${caller.sessionId}` : `token:${caller.tokenId}`;
}

export type SessionCaller = Extract<Caller, { kind: 'session' }>;

/** For what only the agent themselves may do (their password, their sessions), never a tool with an API token. */
export function assertSession(caller: Caller): asserts caller is SessionCaller {
  if (caller.kind !== 'session') throw forbidden('Only a signed-in agent may do this, not an API token');
}

/** Whether a revocation (AUTH_REVOKED) ends what this caller signed in with. */
export function isRevokedBy(caller: Caller, revocation: AuthRevocation): boolean {
  if (caller.kind === 'session') {
    if (caller.sessionId === revocation.sessionId) return true;
    return caller.admin.id === revocation.adminId && caller.sessionId !== revocation.exceptSessionId;
  }
  if (caller.tokenId === revocation.tokenId) return true;
  return caller.admin.id === revocation.adminId && revocation.apiTokens === true;
}

export function assertAdminSession(caller: Caller): void {
  if (caller.kind !== 'session') throw forbidden('Only a signed-in admin may do this, not an API token');
  if (caller.admin.role !== Role.ADMIN) throw forbidden('Only an admin may do this');
}

/** For admins' settings that tools may manage too: an admin signed in, or an API token of an admin (scopes apart). */
export function assertAdmin(caller: Caller): void {
  if (caller.admin.role !== Role.ADMIN) throw forbidden('Only an admin (or an API token of an admin) may do this');
}
