// `npm run backup` / `npm run restore` as an operator meets them: real processes on a real data folder, the
// backup taken while the server takes tickets, the restore started as a server of its own.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../helpers/png.js';
import { freePort, spawnServer, type ServerProcess } from '../helpers/process.js';

const BACKUP_CLI = resolve(import.meta.dirname, '../../dist/src/db/backup.cli.js');
const ADMIN = { ADMIN_EMAIL: 'admin@example.test', ADMIN_PASSWORD: 'correct horse battery' };
// The writer below goes faster than the limits a person needs.
const FAST = {
  RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000',
  RATE_LIMIT_UPLOADS_PER_MINUTE: '100000',
  RATE_LIMIT_TICKETS_PER_PHONE_PER_HOUR: '100000',
};

const workdirs: string[] = [];
const servers: ServerProcess[] = [];
afterAll(() => {
  for (const server of servers) server.child.kill('SIGKILL');
  for (const dir of workdirs) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'support-backup-'));
  workdirs.push(dir);
  return dir;
}

/** Runs the backup CLI in `cwd` with the server's settings; resolves to its exit code and output. */
function cli(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [BACKUP_CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((done) => child.on('exit', (code) => done({ code, output })));
}

async function startIn(cwd: string) {
  const port = await freePort();
  const server = spawnServer({ PORT: String(port), ...ADMIN, ...FAST }, cwd);
  servers.push(server);
  await server.waitFor(/listening on/, 30_000);
  const url = `http://127.0.0.1:${port}`;
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, any> | null; errors?: unknown[] };
  };
  const login = await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
    e: ADMIN.ADMIN_EMAIL,
    p: ADMIN.ADMIN_PASSWORD,
  });
  return { server, url, gql, token: login.data!.login.token as string };
}

const CREATE = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }';
const FIND = 'query($id: ID!) { ticket(id: $id) { id issueDescription } }';

describe('backing up and restoring the embedded database', () => {
  it('a backup taken while the server writes holds every ticket and file acknowledged before it began', async () => {
    const live = folder();
    const desk = await startIn(live);
    const files: { id: string; bytes: Buffer }[] = [];
    for (const colour of [10, 120, 230]) {
      const bytes = tinyPng(24, [colour, 99, 235]);
      const response = await fetch(`${desk.url}/media/uploads?filename=p${colour}.png`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', authorization: `Bearer ${desk.token}` },
        body: bytes,
      });
      expect(response.status).toBe(201);
      files.push({ id: ((await response.json()) as { id: string }).id, bytes });
    }

    const acknowledged: { id: string; issue: string; at: number }[] = [];
    let writing = true;
    let count = 0;
    const writer = (async () => {
      while (writing) {
        const issue = `backup check ${++count}`;
        const phoneNumber = `4477009${String(count).padStart(5, '0')}`;
        const result = await desk.gql(
          CREATE,
          { input: { phoneNumber, senderName: 'Ann', issueDescription: issue } },
          desk.token,
        );
        if (result.data?.createTicket) acknowledged.push({ id: result.data.createTicket.id, issue, at: Date.now() });
      }
    })();
    while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 20));

    const began = Date.now();
    const before = acknowledged.length;
    const backup = await cli(live, ['backup', '--to', 'backups'], ADMIN);
    const ended = Date.now();
    const duringBackup = acknowledged.filter((ticket) => ticket.at > began && ticket.at < ended).length;
    writing = false;
    await writer;
    expect(backup.output).toMatch(/backed up the database \(\d+ bytes\) and 3 media file\(s\) into /);
    expect(backup.code).toBe(0);
    expect(duringBackup).toBeGreaterThan(0); // the server really was writing while the backup ran
    desk.server.child.kill('SIGTERM');
    expect(await desk.server.exited).toBe(0);

    const [stamp] = readdirSync(join(live, 'backups'));
    expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    const fresh = folder();
    const restored = await cli(fresh, ['restore', join(live, 'backups', stamp!)], ADMIN);
    expect(restored.code).toBe(0);
    const again = await cli(fresh, ['restore', join(live, 'backups', stamp!)], ADMIN);
    expect(again.code).toBe(2);
    expect(again.output.trim().split('\n')).toEqual([
      expect.stringMatching(/already hold data: restore into an empty data folder, or add --force/),
    ]);

    const back = await startIn(fresh);
    for (const ticket of acknowledged.slice(0, before)) {
      const found = await back.gql(FIND, { id: ticket.id }, back.token);
      expect(found.data?.ticket, `ticket ${ticket.id}`).toEqual({ id: ticket.id, issueDescription: ticket.issue });
    }
    for (const file of files) {
      const response = await fetch(`${back.url}/media/${file.id}`, {
        headers: { authorization: `Bearer ${back.token}` },
      });
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(file.bytes)).toBe(true);
    }
    back.server.child.kill('SIGTERM');
    expect(await back.server.exited).toBe(0);
  }, 120_000);

  it('refuses a MariaDB/MySQL database with one line that points to the README', async () => {
    const result = await cli(folder(), ['backup'], { DATABASE_URL: 'mariadb://root@127.0.0.1:3306/support' });
    expect(result.code).toBe(2);
    expect(result.output.trim().split('\n')).toEqual([expect.stringMatching(/mariadb-dump .* README's "Backups"/)]);
  });
});
