// Accounts through the real server, on every database: changing one's password, admins resetting one, editing,
// deactivating and reactivating agents, "my sessions", the password rules and the hash cost, the last admin,
// and the audit trail of all of it, failed sign-ins included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  createTicket,
  databases,
  REDIS_PORT,
  redisAnswers,
  startServer,
  type GraphqlResponse,
  type TestServer,
} from '../helpers/harness.js';
import { subscribe } from '../helpers/subscriptions.js';
import { randomBytes } from 'node:crypto';

const AGENT_PASSWORD = 'agent password 1';
const NEW_PASSWORD = 'a brand new passphrase';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token admin { id } } }';
const CHANGE_PASSWORD = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
const CREATE_RESET = 'mutation($id: ID!) { createPasswordReset(id: $id) { code expiresAt admin { id email } } }';
const RESET = 'mutation($c: String!, $p: String!) { resetPassword(code: $c, newPassword: $p) }';
const UPDATE_AGENT =
  'mutation($id: ID!, $i: UpdateAgentInput!) { updateAgent(id: $id, input: $i) { id name role active } }';
const DEACTIVATE = 'mutation($id: ID!) { deactivateAgent(id: $id) { id active } }';
const REACTIVATE = 'mutation($id: ID!) { reactivateAgent(id: $id) { id active } }';
const MY_SESSIONS = '{ mySessions { id createdAt lastUsedAt expiresAt userAgent ipAddress current } }';
const AUDIT = 'query($a: ID) { auditLog(actorId: $a, first: 100) { action actorId actorLabel ticketId before after } }';
const TICKET_CREATED = 'subscription { ticketCreated { id } }';

type AuditRow = {
  action: string;
  actorId: string | null;
  actorLabel: string;
  ticketId: string | null;
  before: any;
  after: any;
};

const code = (result: GraphqlResponse) => result.errors?.[0]?.extensions?.code;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Signs in as a browser would, with its own User-Agent; returns the session token. */
async function signInWith(server: TestServer, email: string, password: string, userAgent: string): Promise<string> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': userAgent },
    body: JSON.stringify({ query: LOGIN, variables: { e: email, p: password } }),
  });
  const body = (await response.json()) as GraphqlResponse;
  if (!body.data?.login) throw new Error(`login failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.token;
}

/** Resolves with the close code once the server ends this socket. */
async function socketClosedCode(server: TestServer, token: string): Promise<() => Promise<number | undefined>> {
  const feed = await subscribe(server, token, TICKET_CREATED);
  return async () => ((await feed.ended) as { code?: number } | undefined)?.code;
}

describe.each(databases)('accounts on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(() => server.close());

  const audit = async (actorId?: string): Promise<AuditRow[]> =>
    (await server.ok(AUDIT, { a: actorId ?? null })).auditLog;
  const meStatus = async (token: string) => (await server.gql('{ me { id } }', {}, token)).status;

  describe('changing my password', () => {
    it('needs the current password, then signs out every other session of mine at once, sockets included', async () => {
      const agent = await server.createAgent('Cara Change');
      const other = await server.login(agent.email, AGENT_PASSWORD);
      const otherSocketClosed = await socketClosedCode(server, other);
      const wrong = await server.gql(CHANGE_PASSWORD, { c: 'not my password', n: NEW_PASSWORD }, agent.token);
      expect(code(wrong)).toBe('BAD_USER_INPUT');
      expect(wrong.errors?.[0]?.message).toMatch(/current password is wrong/);

      expect(
        (await server.ok(CHANGE_PASSWORD, { c: AGENT_PASSWORD, n: NEW_PASSWORD }, agent.token)).changePassword,
      ).toBe(true);
      expect(await otherSocketClosed()).toBe(4403);
      expect(await meStatus(other)).toBe(401);
      expect(await meStatus(agent.token)).toBe(200);
      expect(code(await server.gql(LOGIN, { e: agent.email, p: AGENT_PASSWORD }))).toBe('UNAUTHENTICATED');
      expect(await server.login(agent.email, NEW_PASSWORD)).toEqual(expect.any(String));

      const actions = (await audit(agent.id)).map((entry) => entry.action);
      expect(actions).toEqual(expect.arrayContaining(['auth.password.change-failed', 'auth.password.changed']));
      const changed = (await audit(agent.id)).find((entry) => entry.action === 'auth.password.changed');
      expect(changed?.after).toEqual({ otherSessionsEnded: 1 });
    });

    it('the first admin can change their first password like anyone else', async () => {
      const own = await startServer(kind);
      try {
        const other = await own.login();
        expect((await own.ok(CHANGE_PASSWORD, { c: ADMIN_PASSWORD, n: NEW_PASSWORD })).changePassword).toBe(true);
        expect(code(await own.gql(LOGIN, { e: ADMIN_EMAIL, p: ADMIN_PASSWORD }))).toBe('UNAUTHENTICATED');
        expect(await own.login(ADMIN_EMAIL, NEW_PASSWORD)).toEqual(expect.any(String));
        expect((await own.gql('{ me { id } }', {}, other)).status).toBe(401);
      } finally {
        await own.close();
      }
    });

    it('refuses a short password, a common one, and a common one with digits added; the old one goes on working', async () => {
      const agent = await server.createAgent('Pat Policy');
      for (const weak of ['short pass', '123qweasdzxc', 'Password2024!', 'qwertyuiop1234']) {
        const result = await server.gql(CHANGE_PASSWORD, { c: AGENT_PASSWORD, n: weak }, agent.token);
        expect(code(result), weak).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0]?.message).toMatch(weak === 'short pass' ? /at least 12 characters/ : /most common/);
      }
      const input = {
        email: `weak.${randomBytes(3).toString('hex')}@example.test`,
        name: 'Weak',
        password: 'iloveyou1234',
        role: 'AGENT',
      };
      expect(
        code(
          await server.gql(
            'mutation($i: CreateAgentInput!) { createAgent(input: $i) { id } }',
            { i: input },
            server.adminToken,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(await server.login(agent.email, AGENT_PASSWORD)).toEqual(expect.any(String));
    });

    it('is for a signed-in agent only: an API token is FORBIDDEN', async () => {
      const { token } = (await server.ok('mutation { createApiToken(name: "tool", scopes: [READ, WRITE]) { token } }'))
        .createApiToken;
      expect(code(await server.gql(CHANGE_PASSWORD, { c: ADMIN_PASSWORD, n: NEW_PASSWORD }, token))).toBe('FORBIDDEN');
      expect(code(await server.gql(MY_SESSIONS, {}, token))).toBe('FORBIDDEN');
    });
  });

  describe('my sessions', () => {
    it('lists my live sessions with their browser, marks this one, and signs out any other or all others', async () => {
      const agent = await server.createAgent('Sam Sessions');
      const laptop = await signInWith(server, agent.email, AGENT_PASSWORD, 'Laptop Firefox/140.0');
      const phone = await signInWith(server, agent.email, AGENT_PASSWORD, 'Phone Safari/19.0');
      const phoneSocketClosed = await socketClosedCode(server, phone);

      const sessions = (await server.ok(MY_SESSIONS, {}, laptop)).mySessions;
      expect(sessions).toHaveLength(3);
      expect(sessions.filter((session: any) => session.current)).toEqual([
        expect.objectContaining({ userAgent: 'Laptop Firefox/140.0', ipAddress: expect.any(String) }),
      ]);
      const phoneSession = sessions.find((session: any) => session.userAgent === 'Phone Safari/19.0');
      expect(phoneSession).toMatchObject({
        current: false,
        createdAt: expect.any(String),
        lastUsedAt: expect.any(String),
        expiresAt: expect.any(String),
      });

      expect(
        (await server.ok('mutation($id: ID!) { revokeSession(id: $id) }', { id: phoneSession.id }, laptop))
          .revokeSession,
      ).toBe(true);
      expect(await phoneSocketClosed()).toBe(4403);
      expect(await meStatus(phone)).toBe(401);
      expect(
        (await server.ok('mutation($id: ID!) { revokeSession(id: $id) }', { id: phoneSession.id }, laptop))
          .revokeSession,
      ).toBe(false);

      expect((await server.ok('mutation { revokeOtherSessions }', {}, laptop)).revokeOtherSessions).toBe(1);
      expect(await meStatus(agent.token)).toBe(401);
      expect((await server.ok(MY_SESSIONS, {}, laptop)).mySessions).toHaveLength(1);
      expect((await audit(agent.id)).map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['auth.session.revoked', 'auth.sessions.revoked']),
      );
    });

    it("another agent's session is NOT_FOUND and stays signed in", async () => {
      const mine = await server.createAgent('Mia Mine');
      const theirs = await server.createAgent('Theo Theirs');
      const theirId = (await server.ok(MY_SESSIONS, {}, theirs.token)).mySessions[0].id;
      expect(code(await server.gql('mutation($id: ID!) { revokeSession(id: $id) }', { id: theirId }, mine.token))).toBe(
        'NOT_FOUND',
      );
      expect(await meStatus(theirs.token)).toBe(200);
    });
  });

  describe('an admin resets a password', () => {
    it('gives a one-time code: the old password and sessions end now, the code sets a new password once, without signing in', async () => {
      const agent = await server.createAgent('Rita Reset');
      const socketClosed = await socketClosedCode(server, agent.token);
      const reset = (await server.ok(CREATE_RESET, { id: agent.id })).createPasswordReset;
      expect(reset.code).toMatch(/^[\w-]{20,}$/);
      expect(Date.parse(reset.expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
      expect(await socketClosed()).toBe(4403);
      expect(await meStatus(agent.token)).toBe(401);
      expect(code(await server.gql(LOGIN, { e: agent.email, p: AGENT_PASSWORD }))).toBe('UNAUTHENTICATED');

      expect(code(await server.gql(RESET, { c: reset.code, p: 'password1234' }, null))).toBe('BAD_USER_INPUT');
      expect((await server.gql(RESET, { c: reset.code, p: NEW_PASSWORD }, null)).data?.resetPassword).toBe(true);
      expect(await server.login(agent.email, NEW_PASSWORD)).toEqual(expect.any(String));
      const again = await server.gql(RESET, { c: reset.code, p: 'yet another passphrase' }, null);
      expect(code(again)).toBe('BAD_USER_INPUT');
      expect(again.errors?.[0]?.message).toMatch(/wrong, used or expired/);
      expect(code(await server.gql(RESET, { c: 'made-up-code-made-up-code', p: 'yet another passphrase' }, null))).toBe(
        'BAD_USER_INPUT',
      );

      const admin = (await server.ok('{ me { id } }')).me.id;
      expect(
        (await audit(admin)).find(
          (entry) => entry.action === 'agent.password-reset' && entry.after.id === Number(agent.id),
        ),
      ).toBeTruthy();
      expect((await audit(agent.id)).map((entry) => entry.action)).toContain('auth.password.reset');
    });

    it('a newer code replaces an older one', async () => {
      const agent = await server.createAgent('Nico Newer');
      const first = (await server.ok(CREATE_RESET, { id: agent.id })).createPasswordReset.code;
      const second = (await server.ok(CREATE_RESET, { id: agent.id })).createPasswordReset.code;
      expect(code(await server.gql(RESET, { c: first, p: NEW_PASSWORD }, null))).toBe('BAD_USER_INPUT');
      expect((await server.gql(RESET, { c: second, p: NEW_PASSWORD }, null)).data?.resetPassword).toBe(true);
    });

    it('a code stops working once it expires', async () => {
      const shortLived = await startServer(kind, { PASSWORD_RESET_TTL_SECONDS: '1' });
      try {
        const agent = await shortLived.createAgent('Eve Expired');
        const reset = (await shortLived.ok(CREATE_RESET, { id: agent.id })).createPasswordReset;
        await sleep(1300);
        expect(code(await shortLived.gql(RESET, { c: reset.code, p: NEW_PASSWORD }, null))).toBe('BAD_USER_INPUT');
      } finally {
        await shortLived.close();
      }
    });
  });

  describe('an admin edits and deactivates agents', () => {
    it('renames an agent and changes their role; the change shows at once', async () => {
      const agent = await server.createAgent('Olly Old');
      const updated = (await server.ok(UPDATE_AGENT, { id: agent.id, i: { name: 'Olly New', role: 'ADMIN' } }))
        .updateAgent;
      expect(updated).toEqual({ id: agent.id, name: 'Olly New', role: 'ADMIN', active: true });
      expect((await server.ok('{ me { name role } }', {}, agent.token)).me).toEqual({
        name: 'Olly New',
        role: 'ADMIN',
      });
      const entry = (await audit((await server.ok('{ me { id } }')).me.id)).find(
        (row) => row.action === 'agent.updated' && row.after.id === Number(agent.id),
      );
      expect(entry).toMatchObject({
        before: { name: 'Olly Old', role: 'AGENT' },
        after: { name: 'Olly New', role: 'ADMIN' },
      });
      await server.ok(UPDATE_AGENT, { id: agent.id, i: { role: 'AGENT' } });
    });

    it("a deactivated agent's socket closes at once, their open ticket returns to the queue, and they cannot sign in", async () => {
      const agent = await server.createAgent('Dan Deactivated');
      const ticket = await createTicket(server);
      await server.ok('mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }', {
        t: ticket.id,
        a: agent.id,
      });
      const socketClosed = await socketClosedCode(server, agent.token);

      expect((await server.ok(DEACTIVATE, { id: agent.id })).deactivateAgent).toEqual({ id: agent.id, active: false });
      expect(await socketClosed()).toBe(4403);
      expect(await meStatus(agent.token)).toBe(401);
      expect(
        (await server.ok('query($id: ID!) { ticket(id: $id) { assignee { id } } }', { id: ticket.id })).ticket.assignee,
      ).toBeNull();
      const refused = await server.gql(LOGIN, { e: agent.email, p: AGENT_PASSWORD });
      expect(code(refused)).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toMatch(/deactivated/);
      // A wrong password tells nothing about the account.
      expect(code(await server.gql(LOGIN, { e: agent.email, p: 'not the password' }))).toBe('UNAUTHENTICATED');

      const names = (await server.ok('{ admins { id } }')).admins.map((admin: { id: string }) => admin.id);
      expect(names).not.toContain(agent.id);
      const everyone = (await server.ok('{ admins(includeDeactivated: true) { id active } }')).admins;
      expect(everyone).toContainEqual({ id: agent.id, active: false });

      const entries = await audit();
      expect(
        entries.find((row) => row.action === 'agent.deactivated' && row.after.id === Number(agent.id))?.after,
      ).toMatchObject({ ticketsReleased: 1, sessionsEnded: 1 });
      expect(entries.find((row) => row.action === 'ticket.assigned' && row.ticketId === ticket.id)?.after).toEqual({
        assignee: null,
        reason: 'agent deactivated',
      });
      expect(
        entries
          .filter((row) => row.action === 'auth.login.failed' && row.actorId === agent.id)
          .map((row) => row.after.reason),
      ).toEqual(['wrong password', 'deactivated']);

      expect((await server.ok(REACTIVATE, { id: agent.id })).reactivateAgent).toEqual({ id: agent.id, active: true });
      expect(await server.login(agent.email, AGENT_PASSWORD)).toEqual(expect.any(String));
    });

    it("with automatic assignment on, a deactivated agent's ticket goes to an available agent", async () => {
      const leaving = await server.createAgent('Lee Leaving');
      const staying = await server.createAgent('Sue Staying');
      await server.ok('mutation { updateRouting(input: { mode: ROUND_ROBIN }) { mode } }');
      try {
        const ticket = await createTicket(server);
        await server.ok('mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }', {
          t: ticket.id,
          a: leaving.id,
        });
        await server.ok('mutation { setAvailability(available: true) { id } }', {}, staying.token);
        await server.ok(DEACTIVATE, { id: leaving.id });
        expect(
          (await server.ok('query($id: ID!) { ticket(id: $id) { assignee { id } } }', { id: ticket.id })).ticket
            .assignee,
        ).toEqual({ id: staying.id });
      } finally {
        await server.ok('mutation { setAvailability(available: false) { id } }', {}, staying.token);
        await server.ok('mutation { updateRouting(input: { mode: OFF }) { mode } }');
      }
    });

    it("a deactivated admin's API tokens stop working at once", async () => {
      const admin = await server.createAgent('Ada Tokens', 'ADMIN');
      const { token } = (
        await server.ok('mutation { createApiToken(name: "ada tool", scopes: [READ]) { token } }', {}, admin.token)
      ).createApiToken;
      const socketClosed = await socketClosedCode(server, token);
      await server.ok(DEACTIVATE, { id: admin.id });
      expect(await socketClosed()).toBe(4403);
      expect(await meStatus(token)).toBe(401);
    });

    it('an agent may not manage accounts: FORBIDDEN, and nothing changes', async () => {
      const agent = await server.createAgent('Nora Nope');
      const target = await server.createAgent('Tim Target');
      for (const [query, variables] of [
        [UPDATE_AGENT, { id: target.id, i: { role: 'ADMIN' } }],
        [DEACTIVATE, { id: target.id }],
        [REACTIVATE, { id: target.id }],
        [CREATE_RESET, { id: target.id }],
        ['{ admins(includeDeactivated: true) { id } }', {}],
      ] as const) {
        expect(code(await server.gql(query, variables, agent.token)), query).toBe('FORBIDDEN');
      }
      expect((await server.ok('{ me { role } }', {}, target.token)).me.role).toBe('AGENT');
    });

    it('the last active admin cannot be demoted or deactivated (LAST_ADMIN); with two, one may go', async () => {
      const me = (await server.ok('{ me { id } }')).me.id;
      const admins = (await server.ok('{ admins { id role } }')).admins.filter(
        (admin: { id: string; role: string }) => admin.role === 'ADMIN' && admin.id !== me,
      );
      for (const admin of admins) await server.ok(UPDATE_AGENT, { id: admin.id, i: { role: 'AGENT' } });

      const demote = await server.gql(UPDATE_AGENT, { id: me, i: { role: 'AGENT' } }, server.adminToken);
      expect(code(demote)).toBe('LAST_ADMIN');
      expect(demote.errors?.[0]?.message).toMatch(/last active admin/);
      expect(code(await server.gql(DEACTIVATE, { id: me }, server.adminToken))).toBe('LAST_ADMIN');
      expect((await server.ok('{ me { role } }')).me.role).toBe('ADMIN');

      // Two admins demote each other at the same moment: one goes through, the other is refused, one admin is left.
      const second = await server.createAgent('Second Admin', 'ADMIN');
      const results = await Promise.all([
        server.gql(UPDATE_AGENT, { id: second.id, i: { role: 'AGENT' } }, server.adminToken),
        server.gql(UPDATE_AGENT, { id: me, i: { role: 'AGENT' } }, second.token),
      ]);
      expect(results.filter((result) => result.data?.updateAgent)).toHaveLength(1);
      for (const refused of results.filter((result) => result.errors))
        expect(['LAST_ADMIN', 'FORBIDDEN']).toContain(code(refused));
      const left = (await server.ok('{ admins { id role } }', {}, second.token)).admins.filter(
        (admin: { role: string }) => admin.role === 'ADMIN',
      );
      expect(left).toHaveLength(1);
      // Put the first admin back in charge for the tests after this one.
      if (left[0].id !== me) await server.ok(UPDATE_AGENT, { id: me, i: { role: 'ADMIN' } }, second.token);
    });
  });

  describe('sign-in and the audit trail', () => {
    it('failed sign-ins are audited, for known and unknown emails, without the password', async () => {
      const agent = await server.createAgent('Fay Failed');
      await server.gql(LOGIN, { e: agent.email, p: 'wrong password 1' });
      await server.gql(LOGIN, { e: 'nobody.here@example.test', p: 'wrong password 2' });
      const entries = (await audit()).filter((row) => row.action === 'auth.login.failed');
      expect(entries.find((row) => row.actorId === agent.id)?.after).toMatchObject({
        email: agent.email,
        reason: 'wrong password',
      });
      expect(entries.find((row) => row.actorLabel === 'nobody.here@example.test')).toMatchObject({
        actorId: null,
        after: { reason: 'unknown email' },
      });
      expect(JSON.stringify(entries)).not.toMatch(/wrong password [12]/);
    });

    it("a hash made at the old cost still signs in, and is remade at today's cost", async () => {
      // The previous release hashed at N=2^14: an agent created by such a server, then signing in on today's.
      const old = await startServer(kind, { PASSWORD_HASH_COST: '14' });
      try {
        const agent = await old.createAgent('Hal Hash');
        const current = await startServer(kind, { PASSWORD_HASH_COST: '17' }, { database: old.database });
        try {
          expect(await current.login(agent.email, AGENT_PASSWORD)).toEqual(expect.any(String));
          const rehashed = (await current.ok(AUDIT, { a: agent.id })).auditLog.filter(
            (row: AuditRow) => row.action === 'auth.password.rehashed',
          );
          expect(rehashed).toEqual([
            expect.objectContaining({
              before: { hash: 'scrypt N=16384 r=8 p=1' },
              after: { hash: 'scrypt N=131072 r=8 p=1' },
            }),
          ]);
          expect(await current.login(agent.email, AGENT_PASSWORD)).toEqual(expect.any(String));
          expect(
            (await current.ok(AUDIT, { a: agent.id })).auditLog.filter(
              (row: AuditRow) => row.action === 'auth.password.rehashed',
            ),
          ).toHaveLength(1);
        } finally {
          await current.close();
        }
      } finally {
        await old.close();
      }
    }, 120_000);
  });
});

const redisAvailable = await redisAnswers('the accounts tests across instances');

describe.skipIf(!redisAvailable)('accounts across two instances sharing Redis', () => {
  it("deactivating an agent on one instance closes their socket on the other, and changing one's password ends sessions there too", async () => {
    const prefix = `test:${randomBytes(4).toString('hex')}:`;
    const env = { REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`, REDIS_PREFIX: prefix };
    const a = await startServer(databases.at(-1)!, env);
    const b = await startServer(databases.at(-1)!, env, { database: a.database });
    try {
      const leaving = await a.createAgent('Ivy Instances');
      const onB = await socketClosedCode(b, await b.login(leaving.email, AGENT_PASSWORD));
      await a.ok(DEACTIVATE, { id: leaving.id });
      expect(await onB()).toBe(4403);

      const changing = await a.createAgent('Cy Changing');
      const elsewhere = await b.login(changing.email, AGENT_PASSWORD);
      expect((await b.gql('{ me { id } }', {}, elsewhere)).status).toBe(200); // remembered by b's token cache
      const elsewhereSocket = await socketClosedCode(b, elsewhere);
      await a.ok(CHANGE_PASSWORD, { c: AGENT_PASSWORD, n: NEW_PASSWORD }, changing.token);
      expect(await elsewhereSocket()).toBe(4403);
      expect((await b.gql('{ me { id } }', {}, elsewhere)).status).toBe(401);
    } finally {
      await b.close();
      await a.close();
    }
  }, 120_000);
});
