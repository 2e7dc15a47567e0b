// The CI check a tool author relies on: `schema.cli.js descriptions` passes the real schema and names every
// part of a schema that has no description.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCHEMA_CLI = resolve(import.meta.dirname, '../../dist/src/schema.cli.js');
const dir = mkdtempSync(join(tmpdir(), 'schema-descriptions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function descriptions(file?: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [SCHEMA_CLI, 'descriptions', ...(file ? [file] : [])], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((done) => child.on('exit', (code) => done({ code, output })));
}

function schemaFile(name: string, sdl: string): string {
  const file = join(dir, name);
  writeFileSync(file, sdl);
  return file;
}

describe('schema descriptions check', () => {
  it('passes the real schema.graphql', async () => {
    const { code, output } = await descriptions();
    expect(output).toContain('has a description');
    expect(code).toBe(0);
  });

  it('passes a schema where every part is described', async () => {
    const file = schemaFile(
      'full.graphql',
      `"""Entry points."""
type Query {
  """A ticket by id."""
  ticket(
    """Its id."""
    id: ID!
  ): Ticket
}
"""A conversation."""
type Ticket {
  """Where it stands."""
  status: Status!
}
"""Where a ticket stands."""
enum Status {
  """Waiting."""
  OPEN
}
`,
    );
    const { code } = await descriptions(file);
    expect(code).toBe(0);
  });

  it('fails naming each undescribed type, field, argument, enum value and input field', async () => {
    const file = schemaFile(
      'gaps.graphql',
      `"""Entry points."""
type Query {
  """Tickets matching a filter."""
  tickets(filter: TicketFilter, """How many.""" first: Int): [Ticket!]!
  ticket("""Its id.""" id: ID!): Ticket
}
"""A conversation."""
type Ticket {
  """Where it stands."""
  status: Status!
  subject: String
}
"""Where a ticket stands."""
enum Status {
  OPEN
  """Done."""
  CLOSED
}
input TicketFilter {
  """Only this status."""
  status: Status
  """   """
  phone: String
}
`,
    );
    const { code, output } = await descriptions(file);
    expect(code).not.toBe(0);
    const named = output
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^[A-Z@]/.test(line) && !line.includes(' '));
    expect(named.sort()).toEqual(
      [
        'Query.ticket',
        'Query.tickets(filter:)',
        'Status.OPEN',
        'Ticket.subject',
        'TicketFilter',
        'TicketFilter.phone',
      ].sort(),
    );
    expect(output).toContain('6 part(s)');
  });
});
