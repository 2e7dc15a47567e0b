// scripts/with-node.mjs, which npm install, npm start and npm test go through first: where the machine's Node
// is too old and Node 24 cannot be fetched, it stops with one line that says what to do, and runs nothing.
// A copy of it runs in a folder whose package.json asks for a Node no machine has, so that every Node is too old.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const LAUNCHER = resolve(import.meta.dirname, '../scripts/with-node.mjs');
const workdirs: string[] = [];
afterAll(() => {
  for (const dir of workdirs) rmSync(dir, { recursive: true, force: true });
});

function projectNeedingNode99(): string {
  const dir = mkdtempSync(join(tmpdir(), 'support-with-node-'));
  workdirs.push(dir);
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(LAUNCHER, join(dir, 'scripts', 'with-node.mjs'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'desk', engines: { node: '>=99.0' } }));
  return dir;
}

function launch(
  cwd: string,
  nodeArgs: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const args = [...nodeArgs, 'scripts/with-node.mjs', 'node', '-e', 'console.log("the command ran")'];
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((done) => child.on('exit', (code) => done({ code, output })));
}

describe('running on a machine whose Node is too old', () => {
  it('with the registry out of reach, it stops with one line that says what to do', async () => {
    const dir = projectNeedingNode99();
    const result = await launch(dir, [], { npm_config_registry: 'http://127.0.0.1:1/' });
    expect(result.code).toBe(1);
    expect(result.output.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^Node\.js [\d.]+ is older than the 99\.0 this project needs, and could not fetch node-\w+-\w+@24\.\d+\.\d+ from http:\/\/127\.0\.0\.1:1\/ \(\w+\): install Node\.js 99\.0 or newer/,
      ),
    ]);
    expect(existsSync(join(dir, '.tools'))).toBe(false);
  }, 60_000);

  it('on a platform npm has no Node build for, it stops with one line that says what to do', async () => {
    const dir = projectNeedingNode99();
    const freebsd = `--import=data:text/javascript,Object.defineProperty(process,"platform",{value:"freebsd"})`;
    const result = await launch(dir, [freebsd], {});
    expect(result.code).toBe(1);
    expect(result.output.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^Node\.js [\d.]+ is older than the 99\.0 this project needs, and there is no Node\.js 24\.\d+\.\d+ for freebsd-\w+ on the npm registry: install Node\.js 99\.0 or newer \(https:\/\/nodejs\.org\/\) and run npm install again\.$/,
      ),
    ]);
  });
});
