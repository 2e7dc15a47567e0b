// MikroORM set-up for both dialects: SQLite (embedded default) and MySQL/MariaDB.
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { EntityMetadata, LoggerNamespace, MikroORM, Platform } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import type { DatabaseConfig } from '../config.js';
import { projectRoot } from '../project-root.js';
import { observingLoggerFactory, type QueryObserver } from '../observability/query-observer.js';
import { entities } from './entities.js';
import { FULL_TEXT_TABLES } from './full-text.js';
import { tuneSqlite, type SqliteDatabase } from './sqlite-tuning.js';

export type Dialect = 'sqlite' | 'mysql';
export const dialectOf = (db: DatabaseConfig): Dialect => (db.dialect === 'sqlite' ? 'sqlite' : 'mysql');

export interface OrmOptions {
  /** Called with every SQL statement the ORM runs (tests count them). */
  onQuery?: (sql: string) => void;
  /** Called with every statement's duration and whether it failed (metrics, spans). */
  observeQuery?: QueryObserver;
}

export async function createOrm(db: DatabaseConfig, options: OrmOptions = {}): Promise<MikroORM> {
  const dialect = dialectOf(db);
  const common = {
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    forceUtcTimezone: true,
    discovery: {
      warnWhenNoEntities: true,
      // SQLite searches threads through an FTS5 table its migrations create by hand (see full-text.ts), so the
      // FULLTEXT indexes declared for MariaDB/MySQL are not created there as plain B-tree indexes.
      onMetadata: (meta: EntityMetadata, platform: Platform) => {
        if (platform.supportsCreatingFullTextIndex()) return;
        meta.indexes = meta.indexes.filter((index) => index.type !== 'fulltext');
      },
    },
    schemaGenerator: {
      // The FTS5 table (and its shadow tables) and the triggers that keep it in step are written by hand in SQLite's
      // migrations: the schema diff neither drops nor recreates them.
      skipTables: [FULL_TEXT_TABLES],
      ignoreTriggers: true,
    },
    migrations: {
      path: join(projectRoot, 'dist', 'migrations', dialect),
      pathTs: join(projectRoot, 'migrations', dialect),
      emit: 'ts' as const,
      snapshot: false,
      silent: true,
      transactional: true,
      allOrNothing: true,
    },
    debug: options.onQuery ? (['query'] as LoggerNamespace[]) : false,
    colors: false,
    logger: options.onQuery ? (line: string) => options.onQuery?.(line) : () => undefined,
    ...(options.observeQuery ? { loggerFactory: observingLoggerFactory(options.observeQuery, db.dialect) } : {}),
  };
  if (db.dialect === 'sqlite') {
    if (db.path !== ':memory:') mkdirSync(dirname(resolve(db.path)), { recursive: true });
    const { MikroORM: SqliteOrm } = await import('@mikro-orm/sqlite');
    // Values travel as bound parameters, not as escaped text in the SQL (see bound-connection.ts).
    const { BoundSqliteDriver } = await import('./bound-connection.js');
    const orm = await SqliteOrm.init({ ...common, driver: BoundSqliteDriver, dbName: db.path });
    tuneSqlite((await orm.em.getConnection().getNativeClient()) as SqliteDatabase);
    return orm;
  }
  const server = {
    ...common,
    clientUrl: db.url.replace(/^mariadb:/, 'mysql:'),
    dbName: db.dbName,
    pool: { min: 0, max: 10 },
  };
  // MariaDB's own driver reads MariaDB's catalogue correctly (JSON checks, enum defaults); the SQL is MySQL's.
  if (db.dialect === 'mariadb') {
    const { MikroORM: MariadbOrm } = await import('@mikro-orm/mariadb');
    return MariadbOrm.init(server);
  }
  const { MikroORM: MysqlOrm } = await import('@mikro-orm/mysql');
  return MysqlOrm.init(server);
}

export async function migrateUp(orm: MikroORM): Promise<number> {
  const applied = await orm.migrator.up();
  return applied.length;
}
