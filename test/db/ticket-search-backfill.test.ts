// A desk upgraded to the indexed ticket search finds its tickets by issue, name and number: the migration fills
// the new index (SQLite's FTS5 table) and the reversed number column.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl, type DatabaseConfig } from '../../src/config.js';
import { createOrm } from '../../src/db/orm.js';
import { removeSqliteDatabase } from '../../src/db/sqlite-tuning.js';
import { databases, startServer } from '../helpers/harness.js';
import { insertOldTicket } from './old-rows.js';

/** The last migration before the ticket search index came, per dialect. */
const BEFORE_INDEX = { sqlite: 'Migration20261203044736', mysql: 'Migration20261203044737' };
const MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306/';

function scratch(kind: string): DatabaseConfig {
  const name = `support_ticket_search_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (kind === 'sqlite') return { dialect: 'sqlite', path: join(tmpdir(), `${name}.sqlite`) };
  return parseDatabaseUrl(`${MYSQL_URL.replace(/\/?$/, '/')}${name}`);
}

describe.each(databases)('upgrading to the indexed ticket search on %s', (kind) => {
  it('tickets stored before the upgrade are found by issue, name and number after it', async () => {
    const database = scratch(kind);
    const old = await createOrm(database);
    await old.migrator.up({ to: BEFORE_INDEX[kind === 'sqlite' ? 'sqlite' : 'mysql'] });
    const ticket = await insertOldTicket(old.em.fork(), {
      phoneNumber: '94771234567',
      senderName: 'Marguerite Oldfield',
      issueDescription: 'Transcript never arrived, ගැටලුව',
    });
    await old.close(true);

    const server = await startServer(kind, {}, { database });
    try {
      for (const search of ['Transcript never', 'ගැටලුව', 'Oldfield', '94771234567', '+94 77 123', '1234567']) {
        const found = await server.ok<{ tickets: { totalCount: number; edges: { node: { id: string } }[] } }>(
          'query($s: String) { tickets(filter: { search: $s }) { totalCount edges { node { id } } } }',
          { s: search },
        );
        expect(
          found.tickets.edges.map((edge) => edge.node.id),
          search,
        ).toEqual([String(ticket.id)]);
      }
    } finally {
      await server.close();
      if (database.dialect === 'sqlite') removeSqliteDatabase(database.path);
      else {
        const cleanup = await createOrm(database);
        await cleanup.schema.dropDatabase(database.dbName);
        await cleanup.close(true);
      }
    }
  });
});
