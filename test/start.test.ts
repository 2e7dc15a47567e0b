// Start-up as a person meets it: the built server started with `node`, with and without settings.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = resolve(import.meta.dirname, '../dist/src/main.js');
const workdirs: string[] = [];
afterAll(() => workdirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

function start(env: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), 'support-start-'));
  workdirs.push(cwd);
  const child = spawn(process.execPath, [MAIN], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const waitFor = async (pattern: RegExp, ms = 20_000) => {
    const deadline = Date.now() + ms;
    while (!pattern.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`never saw ${pattern} in:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return output.match(pattern)!;
  };
  return { child, exited, waitFor, output: () => output, cwd };
}

describe('starting the server', () => {
  it('with nothing configured, it serves the API on an embedded SQLite database and prints the first admin once', async () => {
    const port = await freePort();
    const server = start({ PORT: String(port) });
    const [, email, password] = await server.waitFor(/First admin created: (\S+) \/ (\S+)/);
    await server.waitFor(/listening on/);
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { admin { role } } }', variables: { e: email, p: password } }),
    });
    expect(await response.json()).toEqual({ data: { login: { admin: { role: 'ADMIN' } } } });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).not.toMatch(/Error|at .*\.js:\d+/);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ DATABASE_URL: 'postgres://db/x' }, /DATABASE_URL scheme "postgres" is not supported/],
    [{ NODE_ENV: 'production' }, /WHATSAPP_APP_SECRET is required/],
    [{ NODE_ENV: 'production', WHATSAPP_APP_SECRET: 's3cret' }, /WHATSAPP_VERIFY_TOKEN is required/],
    [{ WHATSAPP_ACCESS_TOKEN: 'abc' }, /WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID must be set together/],
    [{ ADMIN_PASSWORD: 'short' }, /ADMIN_PASSWORD must be at least 8 characters/],
  ])('a bad setting %o stops start-up with one line naming it', async (env, message) => {
    const server = start(env);
    expect(await server.exited).toBe(2);
    const lines = server.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});
