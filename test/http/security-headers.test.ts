// What a browser is told about the admin UI and the API: security headers (CSP, no framing, no sniffing, no
// referrer, HSTS only on HTTPS), the page's caching, and the session cookie, on production-mode servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  databases,
  startServer,
  type GraphqlResponse,
  type TestServer,
} from '../helpers/harness.js';
import { tinyPng } from '../helpers/png.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  WHATSAPP_APP_SECRET: 'headers-test-app-secret-0123456789',
  WHATSAPP_VERIFY_TOKEN: 'headers-test-verify',
};
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

/** The CSP as a map of directive to its sources. */
function csp(response: Response): Map<string, string[]> {
  const header = response.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectCommonHeaders(response: Response) {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
}

function expectStrictCsp(response: Response, host: string) {
  const policy = csp(response);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('style-src')).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('connect-src')).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
  expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
}

/** The session cookie a sign-in answer sets, as `name=value`, and its attributes in lower case. */
function sessionCookieOf(response: Response): { pair: string; attributes: string } {
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('support_session='));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(response.headers.getSetCookie())}`);
  const [pair, ...attributes] = cookie.split(';').map((part) => part.trim());
  return { pair: pair!, attributes: attributes.join('; ').toLowerCase() };
}

describe.each(databases)('security headers and the session cookie (%s, production)', (kind) => {
  let server: TestServer;
  let host: string;
  beforeAll(async () => {
    server = await startServer(kind, PRODUCTION);
    host = new URL(server.url).host;
  });
  afterAll(() => server?.close());

  const signIn = () =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { e: ADMIN_EMAIL, p: ADMIN_PASSWORD } }),
    });
  const withCookie = (cookie: string, origin: string | null, body: unknown) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, ...(origin ? { origin } : {}) },
      body: JSON.stringify(body),
    });
  const json = async (response: Response) => (await response.json()) as GraphqlResponse;

  it('serves the page with a strict CSP, no framing, nosniff, no referrer, no HSTS on plain HTTP, and no-cache', async () => {
    for (const path of ['/', '/tickets/12', '/reports']) {
      const page = await fetch(server.url + path);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expectCommonHeaders(page);
      expectStrictCsp(page, host);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('serves hashed assets as immutable for a year', async () => {
    const html = await (await fetch(server.url)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const response = await fetch(server.url + asset);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expectCommonHeaders(response);
    }
  });

  it('sends the same protections on GraphQL answers', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(response.status).toBe(200);
    expectCommonHeaders(response);
    expect(csp(response).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('signs the browser in with an HttpOnly SameSite cookie that GraphQL, media and reports accept, and sign-out clears it', async () => {
    const login = await signIn();
    const { pair, attributes } = sessionCookieOf(login);
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
    expect(attributes).not.toContain('secure');
    const own = `http://${host}`;

    const me = await withCookie(pair, own, { query: '{ me { email } }' });
    expect((await json(me)).data?.me.email).toBe(ADMIN_EMAIL);

    const upload = await fetch(`${server.url}/media/uploads?filename=dot.png`, {
      method: 'POST',
      headers: { cookie: pair, origin: own, 'content-type': 'image/png' },
      body: tinyPng(),
    });
    expect(upload.status).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    const media = await fetch(`${server.url}/media/${id}`, { headers: { cookie: pair } });
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/png');
    const csv = await fetch(`${server.url}/reports/days.csv?from=2026-01-01&to=2026-01-02`, {
      headers: { cookie: pair },
    });
    expect(csv.status).toBe(200);

    const logout = await withCookie(pair, own, { query: 'mutation { logout }' });
    expect((await json(logout)).data?.logout).toBe(true);
    const cleared = sessionCookieOf(logout);
    expect(cleared.pair).toBe('support_session=');
    expect(cleared.attributes).toContain('max-age=0');
    const after = await withCookie(pair, own, { query: '{ me { email } }' });
    expect((await json(after)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('does not let another site use the cookie: cross-origin changes, simple requests and WebSockets are refused', async () => {
    const { pair } = sessionCookieOf(await signIn());
    const evil = 'https://desk.example.evil';
    // A page on another origin: the cookie does not count for a change (GraphQL or an upload).
    const changed = await withCookie(pair, evil, { query: 'mutation { setAvailability(available: true) { id } }' });
    expect((await json(changed)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const noOrigin = await withCookie(pair, null, { query: '{ me { id } }' });
    expect((await json(noOrigin)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const upload = await fetch(`${server.url}/media/uploads?filename=dot.png`, {
      method: 'POST',
      headers: { cookie: pair, origin: evil, 'content-type': 'image/png' },
      body: tinyPng(),
    });
    expect(upload.status).toBe(401);
    // A form post (a "simple" request a browser sends cross-site without asking): Apollo's CSRF prevention.
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { cookie: pair, origin: `http://${host}`, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(form.status).toBe(400);

    // The WebSocket handshake carries the cookie too: only from the desk's own origin.
    const closeCode = (origin: string) =>
      new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(`${server.wsUrl}`, 'graphql-transport-ws', { headers: { cookie: pair, origin } });
        socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
        socket.on('message', (data) => {
          if (JSON.parse(String(data)).type === 'connection_ack') socket.close(1000);
        });
        socket.on('close', (code) => resolve(code));
        socket.on('error', reject);
      });
    expect(await closeCode(evil)).toBe(4403);
    expect(await closeCode(`http://${host}`)).toBe(1000);
  });

  it('drops a session cookie that no longer signs anyone in', async () => {
    const response = await withCookie('support_session=sess_not-a-real-session', `http://${host}`, {
      query: '{ __typename }',
    });
    expect(response.status).toBe(200);
    expect(sessionCookieOf(response).attributes).toContain('max-age=0');
  });
});

describe('behind HTTPS (PUBLIC_URL=https://…)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite', { ...PRODUCTION, PUBLIC_URL: 'https://desk.example.test' });
  });
  afterAll(() => server?.close());

  it('sends HSTS, upgrades insecure requests, names the public WebSocket, and marks the cookie Secure', async () => {
    const page = await fetch(server.url);
    expect(page.headers.get('strict-transport-security')).toBe('max-age=15552000');
    const policy = csp(page);
    expect(policy.get('connect-src')).toEqual(["'self'", 'wss://desk.example.test']);
    expect(policy.has('upgrade-insecure-requests')).toBe(true);
    const login = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { e: ADMIN_EMAIL, p: ADMIN_PASSWORD } }),
    });
    expect(sessionCookieOf(login).attributes).toContain('secure');
    // The page behind a proxy that passes another Host: PUBLIC_URL is the origin its requests come from.
    const { pair } = sessionCookieOf(login);
    const me = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: pair, origin: 'https://desk.example.test' },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(((await me.json()) as GraphqlResponse).data?.me.email).toBe(ADMIN_EMAIL);
  });
});
