// On SQLite, text a user types reaches the database as a bound parameter: the SQL that better-sqlite3 prepares
// never contains it, and it round-trips exactly.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_MAX_BOUND_PARAMETERS } from '../../src/db/bound-connection.js';
import { createTicket, startServer, type TestServer } from '../helpers/harness.js';

interface PreparingDatabase {
  prepare(sql: string): unknown;
}

describe('bound parameters on sqlite', () => {
  let server: TestServer;
  const prepared: string[] = [];

  beforeAll(async () => {
    server = await startServer('sqlite', { RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' });
    // Sees every statement text handed to better-sqlite3 (behind the statement cache of sqlite-tuning.ts).
    const database = (await server.server.services.orm.em.getConnection().getNativeClient()) as PreparingDatabase;
    const prepare = database.prepare.bind(database);
    database.prepare = (sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    };
  });
  afterAll(() => server?.close());

  const token = `bindmark${randomBytes(6).toString('hex')}`;
  // Quotes, a statement terminator, a comment, the ORM's own placeholder characters, an emoji and a NUL.
  const hostile = `${token} x'); drop table t;-- ?? \\? :a 🎉 \u0000 end`;
  const quoteFree = ' drop table t;-- ?? ';
  // Control characters are dropped where text enters the desk (src/text/clean-text.ts), before any SQL.
  const stored = hostile.replace('\u0000', '');

  const noPreparedSqlContainsUserText = () => {
    expect(prepared.length).toBeGreaterThan(0);
    for (const sql of prepared) {
      expect(sql).not.toContain(token);
      expect(sql).not.toContain(quoteFree);
    }
  };

  it('a created ticket, a note and a search carry the text as values and round-trip it exactly', async () => {
    prepared.length = 0;
    const ticket = await createTicket(server, { issueDescription: hostile, senderName: `Ann ${token}` });
    expect(ticket.issueDescription).toBe(stored);
    const note = await server.ok<{ addNote: { id: string; body: string } }>(
      'mutation($t: ID!, $b: String!) { addNote(ticketId: $t, body: $b) { id body } }',
      { t: ticket.id, b: hostile },
    );
    expect(note.addNote.body).toBe(stored);
    const found = await server.ok<{ tickets: { edges: { node: { id: string; issueDescription: string } }[] } }>(
      'query($s: String) { tickets(first: 10, filter: { search: $s }) { edges { node { id issueDescription } } } }',
      { s: token },
    );
    expect(found.tickets.edges.map((edge) => edge.node.id)).toEqual([ticket.id]);
    const again = await server.ok<{ ticket: { issueDescription: string; senderName: string } }>(
      'query($t: ID!) { ticket(id: $t) { issueDescription senderName } }',
      { t: ticket.id },
    );
    expect(again.ticket).toEqual({ issueDescription: stored, senderName: `Ann ${token}` });
    noPreparedSqlContainsUserText();
  });

  it('two tickets that differ only in their text are written by one statement text', async () => {
    prepared.length = 0;
    await createTicket(server, { issueDescription: `first ${token}` });
    const first = [...prepared];
    prepared.length = 0;
    await createTicket(server, { issueDescription: `second ${token}` });
    expect(prepared.filter((sql) => sql.startsWith('insert into `support_tickets`'))).toEqual(
      first.filter((sql) => sql.startsWith('insert into `support_tickets`')),
    );
    noPreparedSqlContainsUserText();
  });

  it('values keep the types the inlined literals had: whole numbers, dates, booleans, JSON, identifiers', async () => {
    const connection = server.server.services.orm.em.getConnection();
    const at = new Date('2026-01-02T03:04:05.678Z');
    const [row] = await connection.execute<Record<string, unknown>[]>(
      "select typeof(?) as whole, ? || '' as text, ? as at, ? as yes, ? as json, ? as nul, 1 as ??, '\\?' as literal",
      [5, 5, at, true, { a: `${token}'` }, hostile, 'named'],
    );
    expect(row).toEqual({
      whole: 'integer',
      text: '5',
      at: at.getTime(),
      yes: 1,
      json: `{"a":"${token}'"}`,
      nul: hostile,
      named: 1,
      literal: '?',
    });
  });

  it(`an in-list longer than ${SQLITE_MAX_BOUND_PARAMETERS} values still runs, written into the SQL by the ORM`, async () => {
    const connection = server.server.services.orm.em.getConnection();
    const ids = Array.from({ length: SQLITE_MAX_BOUND_PARAMETERS + 10 }, (_, i) => i + 1);
    const [short] = await connection.execute<{ n: number }[]>(
      'select count(*) as n from support_tickets where id in (?)',
      [ids.slice(0, 100)],
    );
    const [long] = await connection.execute<{ n: number }[]>(
      'select count(*) as n from support_tickets where id in (?)',
      [ids],
    );
    expect(long.n).toBe(short.n);
    expect(long.n).toBeGreaterThan(0);
  });
});
