// Brute-force protection for sign-in (OWASP): strangers' failures lock an account for strangers only, an attacker
// spraying random emails from one address locks only that address, and an agent's known device (or an address
// the agent signed in from before) is held only to its own failures. Behind a proxy (TRUST_PROXY) the client's
// address comes from X-Forwarded-For; without TRUST_PROXY that header is ignored. Limits hold in Redis, and in
// memory while Redis cannot be reached.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, REDIS_PORT, redisAnswers, startServer, type TestServer } from '../helpers/harness.js';
import { tinyPng } from '../helpers/png.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  WHATSAPP_APP_SECRET: 'login-limits-app-secret-0123456789',
  WHATSAPP_VERIFY_TOKEN: 'login-limits-verify',
};
const ATTEMPTS = 5;
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const PASSWORD = 'agent password 1';

interface SignInOutcome {
  /** null when signed in, else the error's code. */
  code: string | null;
  /** The device cookie the answer set (`support_device=…`), if any. */
  device: string | null;
}

async function signIn(
  server: TestServer,
  email: string,
  password: string,
  options: { ip?: string; device?: string | null } = {},
): Promise<SignInOutcome> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.ip ? { 'x-forwarded-for': options.ip } : {}),
      ...(options.device ? { cookie: options.device } : {}),
    },
    body: JSON.stringify({ query: LOGIN, variables: { e: email, p: password } }),
  });
  const body = (await response.json()) as {
    data?: { login: { token: string } } | null;
    errors?: { extensions?: { code?: string } }[];
  };
  const device =
    response.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('support_device='))
      ?.split(';')[0] ?? null;
  return { code: body.data?.login ? null : (body.errors?.[0]?.extensions?.code ?? 'NO_ANSWER'), device };
}

const randomEmail = () => `nobody.${randomBytes(4).toString('hex')}@example.test`;

/** `count` failed sign-ins from `ip`, each with a made-up email (or `email`). */
async function spray(server: TestServer, ip: string | undefined, count: number, email?: string): Promise<string[]> {
  const codes: string[] = [];
  for (let attempt = 0; attempt < count; attempt++)
    codes.push((await signIn(server, email ?? randomEmail(), 'wrong password', { ip })).code!);
  return codes;
}

describe.each(databases)('sign-in limits behind a proxy (%s, production, TRUST_PROXY=on)', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind, { ...PRODUCTION, TRUST_PROXY: 'on', RATE_LIMIT_LOGIN_ATTEMPTS: String(ATTEMPTS) });
  });
  afterAll(() => server?.close());

  it('50 failures with random emails from one address lock that address only, not an agent elsewhere', async () => {
    const agent = await server.createAgent('Ada Elsewhere');
    const codes = await spray(server, '203.0.113.66', 50);
    expect(codes.slice(0, ATTEMPTS * 5)).toEqual(Array(ATTEMPTS * 5).fill('UNAUTHENTICATED'));
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    // The agent, from an address never seen before and without a device cookie: a stranger, but not that one.
    expect((await signIn(server, agent.email, PASSWORD, { ip: '198.51.100.20' })).code).toBeNull();
  });

  it('an agent on a known device signs in even from the attacker’s address; without the device, no', async () => {
    const agent = await server.createAgent('Ben Device');
    const first = await signIn(server, agent.email, PASSWORD, { ip: '198.51.100.30' });
    expect(first.code).toBeNull();
    expect(first.device).toMatch(/^support_device=.+\..+/);
    await spray(server, '203.0.113.77', 50);
    // The agent's laptop, now behind the same address as the attacker (one office, one NAT): without its device
    // cookie the agent is a stranger there, and refused; with it, signed in.
    expect((await signIn(server, agent.email, PASSWORD, { ip: '203.0.113.77' })).code).toBe('RATE_LIMITED');
    // A device cookie made for another account is no device at all.
    const other = await server.createAgent('Cy Other');
    expect((await signIn(server, other.email, PASSWORD, { ip: '203.0.113.77', device: first.device })).code).toBe(
      'RATE_LIMITED',
    );
    expect((await signIn(server, agent.email, PASSWORD, { ip: '203.0.113.77', device: first.device })).code).toBeNull();
  });

  it('failures against one account lock it for strangers, but not for its agent’s known device or address', async () => {
    const agent = await server.createAgent('Dee Target');
    const laptop = await signIn(server, agent.email, PASSWORD, { ip: '198.51.100.40' });
    // From many addresses, so that no address limit is reached: only the account's count.
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      expect((await signIn(server, agent.email, 'guess', { ip: `203.0.113.${100 + attempt}` })).code).toBe(
        'UNAUTHENTICATED',
      );
    }
    expect((await signIn(server, agent.email, PASSWORD, { ip: '192.0.2.50' })).code).toBe('RATE_LIMITED');
    expect((await signIn(server, agent.email, PASSWORD, { ip: '192.0.2.51', device: laptop.device })).code).toBeNull();
    expect((await signIn(server, agent.email, PASSWORD, { ip: '198.51.100.40' })).code).toBeNull();
  });

  it('a known device is still held to its own failures', async () => {
    const agent = await server.createAgent('Eve Typo');
    const laptop = await signIn(server, agent.email, PASSWORD, { ip: '198.51.100.60' });
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      expect((await signIn(server, agent.email, 'mistyped', { ip: '198.51.100.60', device: laptop.device })).code).toBe(
        'UNAUTHENTICATED',
      );
    }
    expect((await signIn(server, agent.email, PASSWORD, { ip: '198.51.100.60', device: laptop.device })).code).toBe(
      'RATE_LIMITED',
    );
  });
});

describe('sign-in limits without TRUST_PROXY', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite', { ...PRODUCTION, RATE_LIMIT_LOGIN_ATTEMPTS: String(ATTEMPTS) });
  });
  afterAll(() => server?.close());

  it('ignores X-Forwarded-For: every attempt counts against the connection’s own address', async () => {
    const codes: string[] = [];
    for (let attempt = 0; attempt <= ATTEMPTS * 5; attempt++)
      codes.push((await signIn(server, randomEmail(), 'wrong', { ip: `203.0.113.${attempt + 1}` })).code!);
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    // The admin signed in from this address before (the test harness did): a known address still gets in.
    expect(
      (await signIn(server, 'admin@example.test', 'correct horse battery', { ip: '198.51.100.1' })).code,
    ).toBeNull();
  });
});

/** Mutations, uploads and sign-in are held to their limits on this server. */
function limitsHold(server: () => TestServer) {
  return async () => {
    const { token, email } = await server().createAgent('Fay Limits');
    const codes: (string | null)[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const result = await server().gql('mutation { setAvailability(available: true) { id } }', {}, token);
      codes.push(result.errors?.[0]?.extensions?.code ?? null);
    }
    expect(codes).toEqual([null, null, null, 'RATE_LIMITED']);
    const upload = () =>
      fetch(`${server().url}/media/uploads?filename=dot.png`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
        body: tinyPng(),
      });
    expect((await upload()).status).toBe(201);
    expect((await upload()).status).toBe(201);
    const refused = await upload();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await spray(server(), undefined, ATTEMPTS, email)).toEqual(Array(ATTEMPTS).fill('UNAUTHENTICATED'));
    expect((await signIn(server(), email, PASSWORD, { ip: '192.0.2.9' })).code).toBe('RATE_LIMITED');
  };
}

const LIMITS = {
  ...PRODUCTION,
  RATE_LIMIT_LOGIN_ATTEMPTS: String(ATTEMPTS),
  RATE_LIMIT_MUTATIONS_PER_MINUTE: '3',
  RATE_LIMIT_UPLOADS_PER_MINUTE: '2',
  TRUST_PROXY: 'on',
};
const hasRedis = await redisAnswers('the Redis-backed rate limit tests');

describe.skipIf(!hasRedis)('limits counted in Redis', () => {
  let server: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    const shared = {
      ...LIMITS,
      REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
      REDIS_PREFIX: `limits-test-${randomBytes(4).toString('hex')}:`,
    };
    server = await startServer('sqlite', shared);
    second = await startServer('sqlite', shared, { database: server.database });
  });
  afterAll(async () => {
    await second?.close();
    await server?.close();
  });

  it(
    'holds mutations, uploads and sign-in to their limits',
    limitsHold(() => server),
  );

  it('counts on every instance together', async () => {
    const { token } = await server.createAgent('Gus Two');
    const codes: (string | null)[] = [];
    for (const instance of [server, second, server, second]) {
      codes.push(
        (await instance.gql('mutation { setAvailability(available: true) { id } }', {}, token)).errors?.[0]?.extensions
          ?.code ?? null,
      );
    }
    expect(codes).toEqual([null, null, null, 'RATE_LIMITED']);
  });
});

describe.skipIf(!hasRedis)('limits while Redis cannot be reached', () => {
  let server: TestServer;
  let redis: TcpProxy;
  beforeAll(async () => {
    redis = await startTcpProxy(REDIS_PORT);
    server = await startServer('sqlite', {
      ...LIMITS,
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      REDIS_PREFIX: `limits-test-${randomBytes(4).toString('hex')}:`,
    });
    // Redis goes away: every command fails, and the instance counts in its own memory.
    redis.cut();
  });
  afterAll(async () => {
    await server?.close();
    await redis?.close();
  });

  it(
    'still holds mutations, uploads and sign-in to their limits',
    limitsHold(() => server),
  );
});
