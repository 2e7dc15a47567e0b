// Where a browser's session lives: an HttpOnly cookie set at sign-in, which page scripts cannot read. Tools keep
// sending `Authorization: Bearer <token>`; a Bearer header always wins over the cookie.
//
// A cookie rides along with every request the browser makes, whichever page asked for it, so a request that can
// change something (any method but GET and HEAD) and the WebSocket handshake count the cookie only when their
// Origin is the desk's own (cross-site request forgery, cross-site WebSocket hijacking). SameSite=Lax stops
// most of that in the browser already; the Origin check also covers sibling sites on the same domain.
import type { IncomingHttpHeaders } from 'node:http';
import { parseCookie, stringifySetCookie } from 'cookie';
import { bearerToken, SESSION_PREFIX } from './auth.service.js';
import { DEVICE_COOKIE_MAX_AGE_SECONDS } from './login-limits.js';

export const SESSION_COOKIE = 'support_session';
/** Marks a browser that signed in to an account before (see login-limits.ts); only sign-in reads it. */
export const DEVICE_COOKIE = 'support_device';

/** What a GraphQL resolver may see of, and add to, the HTTP exchange it runs in (null over the WebSocket). */
export interface HttpExchange {
  cookies: Record<string, string | undefined>;
  /** Adds one Set-Cookie header to the answer. */
  setCookie(serialized: string): void;
}

export interface CookieSettings {
  /** PUBLIC_URL, when set: an Origin equal to it is the desk's own, whatever Host the proxy passed on. */
  publicUrl: string | null;
}

export function readCookies(header: string | undefined): Record<string, string | undefined> {
  return header ? parseCookie(header) : {};
}

const isSecure = (settings: CookieSettings) => settings.publicUrl?.startsWith('https:') ?? false;

/** Whether the request comes from one of the desk's own pages, by its Origin header. */
export function isSameOrigin(headers: IncomingHttpHeaders, settings: CookieSettings): boolean {
  const origin = headers.origin;
  if (!origin || origin === 'null') return false;
  if (settings.publicUrl && origin === settings.publicUrl) return true;
  try {
    return new URL(origin).host === headers.host;
  } catch {
    return false;
  }
}

/**
 * The token a request speaks with: its Bearer header, else the session cookie. `changes` is true for requests
 * that may change something (and for WebSocket handshakes): the cookie then counts only from the desk's own pages.
 */
export function requestToken(headers: IncomingHttpHeaders, changes: boolean, settings: CookieSettings): string | null {
  const bearer = bearerToken(headers.authorization);
  if (bearer) return bearer;
  const cookie = readCookies(headers.cookie)[SESSION_COOKIE];
  if (!cookie?.startsWith(SESSION_PREFIX)) return null;
  if (changes && !isSameOrigin(headers, settings)) return null;
  return cookie;
}

export const isChangingMethod = (method: string) => method !== 'GET' && method !== 'HEAD';

/** After a sign-in: the session cookie, and the device cookie that makes this browser known to the account. */
export function setSignInCookies(
  http: HttpExchange,
  settings: CookieSettings,
  session: { token: string; maxAgeSeconds: number },
  device: string,
): void {
  const secure = isSecure(settings);
  http.setCookie(
    stringifySetCookie({
      name: SESSION_COOKIE,
      value: session.token,
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: session.maxAgeSeconds,
    }),
  );
  http.setCookie(
    stringifySetCookie({
      name: DEVICE_COOKIE,
      value: device,
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/graphql',
      maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
    }),
  );
}

/** Sign-out, or a cookie whose session has ended: the browser forgets it. */
export function clearSessionCookie(http: HttpExchange, settings: CookieSettings): void {
  http.setCookie(
    stringifySetCookie({
      name: SESSION_COOKIE,
      value: '',
      httpOnly: true,
      sameSite: 'lax',
      secure: isSecure(settings),
      path: '/',
      maxAge: 0,
    }),
  );
}
