// `npm run migrate` (up), `npm run migration:create`, `npm run migration:check`.
// create and check work on a scratch database: every checked-in migration is applied to it,
// then the entities are compared with what that produced.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, parseDatabaseUrl, type DatabaseConfig } from '../config.js';
import { createOrm, dialectOf, migrateUp } from './orm.js';
import { removeSqliteDatabase } from './sqlite-tuning.js';

const SCRATCH_MYSQL = process.env.MIGRATION_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306/';

function scratchDatabase(dialect: string): DatabaseConfig {
  const name = `support_migrations_${process.pid}`;
  if (dialect === 'sqlite') return { dialect: 'sqlite', path: join(tmpdir(), `${name}.sqlite`) };
  return parseDatabaseUrl(`${SCRATCH_MYSQL.replace(/\/?$/, '/')}${name}`);
}

async function withScratch(dialect: string, work: (orm: Awaited<ReturnType<typeof createOrm>>) => Promise<void>) {
  const db = scratchDatabase(dialect);
  const orm = await createOrm(db);
  try {
    await migrateUp(orm);
    await work(orm);
  } finally {
    if (db.dialect === 'sqlite') {
      await orm.close(true);
      removeSqliteDatabase(db.path);
    } else {
      await orm.schema.dropDatabase(db.dbName);
      await orm.close(true);
    }
  }
}

async function main(): Promise<void> {
  const [command = 'up', ...rest] = process.argv.slice(2);
  const dialects = rest.length > 0 ? rest : ['sqlite', 'mysql'];
  if (command === 'up') {
    const config = loadConfig();
    const orm = await createOrm(config.database);
    const count = await migrateUp(orm);
    await orm.close(true);
    console.log(`applied ${count} migration(s) to the ${dialectOf(config.database)} database`);
    return;
  }
  let stale = false;
  for (const dialect of dialects) {
    await withScratch(dialect, async (orm) => {
      if (command === 'create') {
        const result = await orm.migrator.create();
        console.log(
          result.fileName
            ? `${dialect}: wrote ${result.fileName}`
            : `${dialect}: entities and migrations already agree`,
        );
      } else if (command === 'check') {
        const needed = await orm.migrator.checkSchema();
        console.log(
          `${dialect}: ${needed ? 'OUT OF STEP with the entities: run npm run migration:create' : 'migrations in step with the entities'}`,
        );
        stale ||= needed;
      } else {
        throw new Error(`unknown command "${command}": use up, create or check`);
      }
    });
  }
  if (stale) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
