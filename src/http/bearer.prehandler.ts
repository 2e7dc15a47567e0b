// The REST routes' sign-in check, one way for all: the request's bearer token or session cookie (the cookie
// only from the desk's own pages for requests that change something), the caller it belongs to, and the scope
// the route needs. GraphQL checks the same things in its context; this is its counterpart for plain HTTP routes.
import type { MikroORM } from '@mikro-orm/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiScope } from '../auth/auth.enums.js';
import type { Caller } from '../auth/caller.js';
import { type CookieSettings, isChangingMethod, requestToken } from '../auth/session-cookie.js';
import type { TokenCache } from '../auth/token-cache.js';

export interface BearerAuthDeps {
  orm: MikroORM;
  tokens: TokenCache;
  cookies: CookieSettings;
}

export interface BearerAuthOptions {
  /** The scope the route needs: READ to read, WRITE to change something. */
  scope: ApiScope;
  /** The 401 answer's error. @default 'sign in first' */
  unauthenticated?: string;
  /** The 403 answer's error. @default 'this token lacks the <scope> scope' */
  forbidden?: string;
  /** Refusals also close the connection, so that a large body announced (an upload) is not waited for. @default false */
  closeOnRefusal?: boolean;
  /** The request proves itself another way (a signed URL): no sign-in is asked, and there is no caller. */
  isAuthorizedOtherwise?: (request: FastifyRequest) => boolean;
}

const callers = new WeakMap<FastifyRequest, Caller>();

/** Who a request that passed a requireCaller hook speaks for; null when it was let in another way. */
export function callerOf(request: FastifyRequest): Caller | null {
  return callers.get(request) ?? null;
}

/**
 * A hook (preHandler, or onRequest to decide before the body is read) that answers 401 without a valid token,
 * 403 without the scope, and otherwise remembers the caller for callerOf.
 */
export function requireCaller(deps: BearerAuthDeps, options: BearerAuthOptions) {
  const refuse = (reply: FastifyReply, status: 401 | 403, error: string) => {
    if (options.closeOnRefusal) reply.header('connection', 'close');
    return reply.code(status).send({ error });
  };
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (options.isAuthorizedOtherwise?.(request)) return;
    const token = requestToken(request.headers, isChangingMethod(request.method), deps.cookies);
    const caller = token ? await deps.tokens.authenticate(() => deps.orm.em.fork(), token) : null;
    if (!caller) return refuse(reply, 401, options.unauthenticated ?? 'sign in first');
    if (!caller.scopes.includes(options.scope))
      return refuse(reply, 403, options.forbidden ?? `this token lacks the ${options.scope} scope`);
    callers.set(request, caller);
  };
}
