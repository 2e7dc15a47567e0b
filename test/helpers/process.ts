// The built server as its own process (`node dist/src/main.js`), for what only a real process shows:
// signals, crashes, restarts, start-up errors.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const MAIN = resolve(import.meta.dirname, '../../dist/src/main.js');

export async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
  /** Waits until the output matches, or fails with the output so far. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
}

export function spawnServer(env: Record<string, string>, cwd?: string): ServerProcess {
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    exited,
    output: () => output,
    async waitFor(pattern, ms = 20_000) {
      const deadline = Date.now() + ms;
      while (!pattern.test(output)) {
        if (Date.now() > deadline || child.exitCode !== null || child.signalCode !== null)
          throw new Error(`never saw ${pattern} in:\n${output}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return output.match(pattern)!;
    },
  };
}
