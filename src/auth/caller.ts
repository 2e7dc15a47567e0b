// Who is calling: an agent signed in with a session, or a tool with an API token (acting for the admin who made it).
import type { Admin } from './admin.entity.js';
import { ApiScope, Role } from './auth.enums.js';
import { forbidden } from '../errors.js';

export type Caller =
  | { kind: 'session'; admin: Admin; sessionId: number; scopes: readonly ApiScope[]; expiresAt: Date | null }
  | { kind: 'api-token'; admin: Admin; tokenId: number; tokenName: string; scopes: readonly ApiScope[]; expiresAt: Date | null };

export const ALL_SCOPES: readonly ApiScope[] = [ApiScope.READ, ApiScope.WRITE];

export type OperationKind = 'query' | 'mutation' | 'subscription';

/** Queries and subscriptions need READ, mutations need WRITE. Sessions carry both. */
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

export function assertAdminSession(caller: Caller): void {
  if (caller.kind !== 'session') throw forbidden('Only a signed-in admin may do this, not an API token');
  if (caller.admin.role !== Role.ADMIN) throw forbidden('Only an admin may do this');
}

