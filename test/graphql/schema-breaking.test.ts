// The contract check tool authors rely on: scripts/schema-breaking.mjs fails CI when a schema change would break
// their tools, unless the part went through the deprecation policy (a passed "Removal after YYYY-MM-DD" date).
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = resolve(import.meta.dirname, '../../scripts/schema-breaking.mjs');
const REAL_SCHEMA = resolve(import.meta.dirname, '../../schema.graphql');
const dir = mkdtempSync(join(tmpdir(), 'schema-breaking-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function schemaFile(sdl: string): string {
  const file = join(dir, `schema-${++files}.graphql`);
  writeFileSync(file, sdl);
  return file;
}

/** Runs the check on two schema texts; resolves to its exit code and output. */
function compare(oldSdl: string, newSdl: string, files = [schemaFile(oldSdl), schemaFile(newSdl)], script = SCRIPT) {
  const child = spawn(process.execPath, [script, ...files], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise<{ code: number | null; output: string }>((done) =>
    child.on('exit', (code) => done({ code, output })),
  );
}

/** A UTC day `days` from today, as YYYY-MM-DD. */
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const ticket = (fields: string) => `type Query { ticket: Ticket }\ntype Ticket {\n  id: ID!\n${fields}\n}\n`;
const deprecated = (date: string) => `@deprecated(reason: "Use subject. Removal after ${date}.")`;

describe('schema breaking-change check', () => {
  it('fails when a field is removed without deprecation, naming it', async () => {
    const { code, output } = await compare(ticket('  title: String'), ticket(''));
    expect(code).not.toBe(0);
    expect(output).toMatch(/Field 'title' was removed from object type 'Ticket'/);
  });

  it('passes the removal of a field deprecated with a removal date that has passed', async () => {
    const { code, output } = await compare(ticket(`  title: String ${deprecated('2020-01-31')}`), ticket(''));
    expect(output).toContain('passed');
    expect(code).toBe(0);
  });

  it('fails the removal of a deprecated field before its removal date', async () => {
    const { code, output } = await compare(ticket(`  title: String ${deprecated('2999-01-31')}`), ticket(''));
    expect(code).not.toBe(0);
    expect(output).toMatch(/Field 'title' \(deprecated\) was removed .*2999-01-31, has not passed/);
  });

  it('fails a type change on a field that was not deprecated', async () => {
    const { code } = await compare(ticket('  title: String'), ticket('  title: Int'));
    expect(code).not.toBe(0);
  });

  it('passes the removal of a type once every field that returned it was removed under the policy', async () => {
    const old = `type Query { ticket: Ticket, legacy: Legacy ${deprecated('2020-01-31')} }
type Ticket { id: ID! }
type Legacy { id: ID! }
`;
    const { code, output } = await compare(old, 'type Query { ticket: Ticket }\ntype Ticket { id: ID! }\n');
    expect(output).toContain('passed');
    expect(code).toBe(0);
  });

  it('passes an added field', async () => {
    const { code } = await compare(ticket(''), ticket('  subject: String'));
    expect(code).toBe(0);
  });

  it('prints a dangerous change and passes', async () => {
    const old = 'type Query { status: Status }\nenum Status { OPEN CLOSED }\n';
    const { code, output } = await compare(old, 'type Query { status: Status }\nenum Status { OPEN CLOSED SNOOZED }\n');
    expect(output).toMatch(/dangerous \(passes\): .*SNOOZED/);
    expect(code).toBe(0);
  });

  it('passes a new deprecation that gives at least 90 days of notice', async () => {
    const { code } = await compare(
      ticket('  title: String'),
      ticket(`  title: String ${deprecated(dayFromToday(91))}`),
    );
    expect(code).toBe(0);
  });

  it('fails a new deprecation with less than 90 days of notice or no removal date', async () => {
    const soon = await compare(ticket('  title: String'), ticket(`  title: String ${deprecated(dayFromToday(30))}`));
    expect(soon.code).not.toBe(0);
    expect(soon.output).toMatch(/Ticket\.title is deprecated with removal after .*at least 90 days/);
    const undated = await compare(
      ticket('  title: String'),
      ticket('  title: String @deprecated(reason: "Use subject.")'),
    );
    expect(undated.code).not.toBe(0);
    expect(undated.output).toContain('Ticket.title is deprecated without "Removal after YYYY-MM-DD"');
  });

  it('compares with HEAD~1 as CI does, and passes when there is no previous commit', async () => {
    // A repository of its own: the script reads schema.graphql and git from the folder above it.
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'scripts'), { recursive: true });
    copyFileSync(SCRIPT, join(repo, 'scripts/schema-breaking.mjs'));
    symlinkSync(resolve(import.meta.dirname, '../../node_modules'), join(repo, 'node_modules'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', ...args], { cwd: repo });
    const inRepo = () => compare('', '', [], join(repo, 'scripts/schema-breaking.mjs'));
    git('init', '-q');
    writeFileSync(join(repo, 'schema.graphql'), ticket('  title: String'));
    git('add', 'schema.graphql');
    git('commit', '-qm', 'first');
    const first = await inRepo();
    expect(first.output).toContain('no previous commit');
    expect(first.code).toBe(0);
    writeFileSync(join(repo, 'schema.graphql'), ticket(''));
    git('commit', '-qam', 'drop the title');
    const second = await inRepo();
    expect(second.output).toMatch(/breaks tools built on HEAD~1[\s\S]*Field 'title' was removed/);
    expect(second.code).not.toBe(0);
  });

  it('passes the real schema.graphql against itself', async () => {
    const { code, output } = await compare('', '', [REAL_SCHEMA, REAL_SCHEMA]);
    expect(output).not.toContain('dangerous');
    expect(code).toBe(0);
  });
});
