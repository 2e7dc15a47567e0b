// Sign-in, sessions, API tokens and the first admin. Tokens are random and opaque; only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { recordAudit } from '../audit/audit.service.js';
import { badInput, forbidden, notFound, unauthenticated } from '../errors.js';
import type { Actor } from '../support/support.context.js';
import { validateName } from '../support/support.validation.js';
import { Agent } from './agent.entity.js';
import { ApiToken } from './api-token.entity.js';
import { AuthSession } from './auth-session.entity.js';
import { type ApiScope, Role } from './auth.enums.js';
import { ALL_SCOPES, withImpliedScopes, type Caller } from './caller.js';
import {
  describeHash,
  hashPassword,
  needsRehash,
  unusableHash,
  verifyPassword,
  type ScryptParams,
} from './password.js';
import { assertUsablePassword } from './password-policy.js';

export const SESSION_PREFIX = 'sess_';
const API_TOKEN_PREFIX = 'sat_';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const newSecret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

export function actorOf(caller: Caller): Actor {
  const label =
    caller.kind === 'session' ? caller.admin.email : `api-token:${caller.tokenName} (${caller.admin.email})`;
  return { adminId: caller.admin.id, name: caller.admin.name, label };
}

/** Where a sign-in came from, kept with its session and in the audit log. */
export interface SignInOrigin {
  ip: string;
  userAgent: string | null;
}

/** A session's last use is written at most this often (on a token-cache miss), not on every request. */
export const LAST_USED_PRECISION_MS = 60_000;

export async function login(
  em: EntityManager,
  email: string,
  password: string,
  options: { sessionTtlHours: number; hashParams: ScryptParams; from: SignInOrigin },
): Promise<{ token: string; admin: Agent }> {
  const address = email.trim().toLowerCase();
  const admin = await em.findOne(Agent, { email: address });
  // An unknown email costs one scrypt too, so timing does not tell which emails exist.
  const valid = await verifyPassword(password, admin?.passwordHash ?? unusableHash(options.hashParams));
  const attempt = { email: address.slice(0, 254), ip: options.from.ip };
  if (!admin || !valid) {
    recordAudit(em, { adminId: admin?.id ?? null, label: address.slice(0, 160) }, 'auth.login.failed', null, null, {
      ...attempt,
      reason: admin ? 'wrong password' : 'unknown email',
    });
    await em.flush();
    throw unauthenticated('Wrong email or password');
  }
  const actor = { adminId: admin.id, label: admin.email };
  if (!admin.active) {
    // Only someone who knows the password learns that the account is deactivated.
    recordAudit(em, actor, 'auth.login.failed', null, null, { ...attempt, reason: 'deactivated' });
    await em.flush();
    throw forbidden('This account is deactivated; ask an admin to reactivate it');
  }
  if (needsRehash(admin.passwordHash, options.hashParams)) {
    const before = describeHash(admin.passwordHash);
    admin.passwordHash = await hashPassword(password, options.hashParams);
    recordAudit(
      em,
      actor,
      'auth.password.rehashed',
      null,
      { hash: before },
      { hash: describeHash(admin.passwordHash) },
    );
  }
  const token = newSecret(SESSION_PREFIX);
  const now = new Date();
  const session = em.create(AuthSession, {
    tokenHash: sha256(token),
    admin,
    createdAt: now,
    lastUsedAt: now,
    expiresAt: new Date(now.getTime() + options.sessionTtlHours * 3600_000),
    userAgent: options.from.userAgent?.slice(0, 255) || null,
    ipAddress: options.from.ip.slice(0, 45),
  });
  await em.flush();
  recordAudit(em, actor, 'auth.login', null, null, { sessionId: session.id, ip: options.from.ip });
  await em.flush();
  return { token, admin };
}

export async function logout(em: EntityManager, caller: Caller): Promise<boolean> {
  if (caller.kind !== 'session') return false;
  const updated = await em.nativeUpdate(
    AuthSession,
    { id: caller.sessionId, revokedAt: null },
    { revokedAt: new Date() },
  );
  if (updated > 0) {
    recordAudit(em, actorOf(caller), 'auth.logout', null, null, { sessionId: caller.sessionId });
    await em.flush();
  }
  return updated > 0;
}

/** Who a bearer token belongs to, or null when it is unknown, expired, revoked or its agent deactivated. */
export async function authenticate(em: EntityManager, token: string): Promise<Caller | null> {
  const now = new Date();
  if (token.startsWith(SESSION_PREFIX)) {
    const session = await em.findOne(
      AuthSession,
      { tokenHash: sha256(token), revokedAt: null, expiresAt: { $gt: now }, admin: { active: true } },
      { populate: ['admin'] },
    );
    if (!session) return null;
    if (!session.lastUsedAt || now.getTime() - session.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
      await em.nativeUpdate(AuthSession, { id: session.id }, { lastUsedAt: now });
    }
    return {
      kind: 'session',
      admin: session.admin,
      sessionId: session.id,
      scopes: ALL_SCOPES,
      expiresAt: session.expiresAt,
    };
  }
  if (token.startsWith(API_TOKEN_PREFIX)) {
    const apiToken = await em.findOne(
      ApiToken,
      {
        tokenHash: sha256(token),
        revokedAt: null,
        $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }],
        createdBy: { active: true },
      },
      { populate: ['createdBy'] },
    );
    return apiToken
      ? {
          kind: 'api-token',
          admin: apiToken.createdBy,
          tokenId: apiToken.id,
          tokenName: apiToken.name,
          scopes: withImpliedScopes(apiToken.scopes),
          expiresAt: apiToken.expiresAt,
        }
      : null;
  }
  return null;
}

/** Reads `Bearer <token>` (any case of "Bearer"); anything else is no token at all. */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  return match?.[1] ?? null;
}

export async function createApiToken(
  em: EntityManager,
  caller: Caller,
  name: string,
  scopes: ApiScope[],
  expiresAt: Date | null,
): Promise<{ token: string; apiToken: ApiToken }> {
  const tokenName = validateName(name, 120);
  if (!tokenName) throw badInput('An API token needs a name');
  const uniqueScopes = withImpliedScopes(scopes);
  if (uniqueScopes.length === 0) throw badInput('An API token needs at least one scope');
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw badInput('expiresAt must be in the future');
  const token = newSecret(API_TOKEN_PREFIX);
  const apiToken = em.create(ApiToken, {
    name: tokenName,
    tokenHash: sha256(token),
    scopes: uniqueScopes,
    createdBy: em.getReference(Agent, caller.admin.id),
    expiresAt,
  });
  await em.flush();
  recordAudit(em, actorOf(caller), 'api-token.created', null, null, {
    id: apiToken.id,
    name: tokenName,
    scopes: uniqueScopes,
  });
  await em.flush();
  return { token, apiToken };
}

export async function revokeApiToken(em: EntityManager, caller: Caller, id: number | null): Promise<boolean> {
  const apiToken = id === null ? null : await em.findOne(ApiToken, id);
  if (!apiToken) throw notFound('API token', id ?? 'unknown');
  if (apiToken.revokedAt) return false;
  apiToken.revokedAt = new Date();
  recordAudit(
    em,
    actorOf(caller),
    'api-token.revoked',
    null,
    { id: apiToken.id, revokedAt: null },
    { id: apiToken.id, revokedAt: apiToken.revokedAt.toISOString() },
  );
  await em.flush();
  return true;
}

export async function createAdmin(
  em: EntityManager,
  input: { email: string; name: string; password: string; role: Role },
  hashParams: ScryptParams,
  actor: Actor | null,
): Promise<Agent> {
  const email = input.email.trim().toLowerCase();
  if (email.length > 254) throw badInput('An email address has at most 254 characters');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw badInput(`"${input.email}" is not an email address`);
  const name = validateName(input.name, 120);
  if (!name) throw badInput('An agent needs a name');
  assertUsablePassword(input.password);
  const taken = () => badInput(`An agent with the email ${email} already exists`);
  if (await em.count(Agent, { email })) throw taken();
  const admin = em.create(Agent, {
    email,
    name,
    role: input.role,
    passwordHash: await hashPassword(input.password, hashParams),
  });
  try {
    await em.flush();
  } catch (error) {
    // Two requests for the same new email at once: the unique index decides, and the later one hears why.
    if (error instanceof UniqueConstraintViolationException) throw taken();
    throw error;
  }
  recordAudit(em, actor, 'agent.created', null, null, { id: admin.id, email, name, role: admin.role });
  await em.flush();
  return admin;
}

/** Creates the first admin when there is none. Returns the generated password when one had to be made up. */
export async function ensureFirstAdmin(
  em: EntityManager,
  first: { email: string; password: string | null },
  hashParams: ScryptParams,
  generate: () => string,
): Promise<{ created: boolean; generatedPassword: string | null }> {
  if ((await em.count(Agent, {})) > 0) return { created: false, generatedPassword: null };
  const chosen = first.password ?? generate();
  await createAdmin(em, { email: first.email, name: 'Admin', password: chosen, role: Role.ADMIN }, hashParams, null);
  return { created: true, generatedPassword: first.password ? null : chosen };
}
