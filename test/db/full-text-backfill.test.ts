// A desk upgraded to the full-text index finds the messages it already had: the migration fills the index.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl, type DatabaseConfig } from '../../src/config.js';
import { createOrm } from '../../src/db/orm.js';
import { removeSqliteDatabase } from '../../src/db/sqlite-tuning.js';
import { Message } from '../../src/support/message.entity.js';
import { databases, startServer } from '../helpers/harness.js';
import { insertOldTicket } from './old-rows.js';

/** The last migration before the index came. */
const BEFORE_INDEX = 'Migration20261202183146';
const MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306/';

function scratch(kind: string): DatabaseConfig {
  const name = `support_backfill_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (kind === 'sqlite') return { dialect: 'sqlite', path: join(tmpdir(), `${name}.sqlite`) };
  return parseDatabaseUrl(`${MYSQL_URL.replace(/\/?$/, '/')}${name}`);
}

describe.each(databases)('upgrading to the full-text index on %s', (kind) => {
  it('messages stored before the upgrade are found after it', async () => {
    const database = scratch(kind);
    const old = await createOrm(database);
    await old.migrator.up({ to: BEFORE_INDEX });
    const em = old.em.fork();
    const ticket = await insertOldTicket(em, {
      phoneNumber: '94770000001',
      senderName: 'Old Timer',
      issueDescription: 'From before the upgrade',
    });
    em.create(Message, { ticket, senderType: 'USER', body: 'My hovercraft is full of eels, ගැටලුව' } as never);
    await em.flush();
    await old.close(true);

    const server = await startServer(kind, {}, { database });
    try {
      for (const search of ['hovercraft', 'full of eels', 'ගැටලුව']) {
        const found = await server.ok(
          'query($s: String) { tickets(filter: { search: $s }) { edges { node { id } } } }',
          {
            s: search,
          },
        );
        expect(
          found.tickets.edges.map((edge: { node: { id: string } }) => edge.node.id),
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
