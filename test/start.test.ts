// Start-up as a person meets it: the built server started with `node`, with and without settings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnServer } from './helpers/process.js';

const workdirs: string[] = [];
afterAll(() => {
  for (const dir of workdirs) rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), 'support-start-'));
  workdirs.push(cwd);
  return spawnServer(env, cwd);
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
      body: JSON.stringify({
        query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { admin { role } } }',
        variables: { e: email, p: password },
      }),
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
    [{ ADMIN_PASSWORD: 'short' }, /ADMIN_PASSWORD is not usable: A password has at least 12 characters/],
    [
      { MEDIA_STORE: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000' },
      /S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are required when MEDIA_STORE=s3/,
    ],
  ])('a bad setting %o stops start-up with one line naming it', async (env, message) => {
    const server = start(env);
    expect(await server.exited).toBe(2);
    const lines = server.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});
