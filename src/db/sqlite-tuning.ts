// SQLite settings for a server: write-ahead logging and a cache of prepared statements.
import { rmSync } from 'node:fs';
import { SecondSightCache } from '../second-sight-cache.js';

/** What we use of a better-sqlite3 database (the ORM's SQLite driver), named here rather than imported. */
export interface SqliteDatabase {
  readonly memory: boolean;
  pragma(source: string): unknown;
  prepare(sql: string): SqliteStatement;
}
interface SqliteStatement {
  /** True while an iterator over its rows is open. */
  readonly busy: boolean;
}

/** How many distinct statements stay prepared; `in (?, ?, …)` lists of many lengths make the set grow. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * WAL lets readers go on while a transaction writes and costs one sync of the log per commit (synchronous
 * stays FULL: a delivery answered 200 survives a power cut). busy_timeout covers a second process, such as
 * `npm run migrate`, holding the write lock for a moment.
 */
export function tuneSqlite(database: SqliteDatabase): void {
  if (!database.memory) database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  cachePreparedStatements(database);
}

/**
 * The ORM's SQLite driver prepares every statement anew; preparing costs about as much as running a small
 * query. Statements are kept by their SQL, least recently used dropped first. Values are bound parameters
 * (bound-connection.ts), but `in (?, ?, …)` lists of one-off lengths and the rare statement left to the ORM's
 * formatting are seen once and never again: a statement is kept only the second time it is seen, so that those
 * do not push the repeated ones out. One still being iterated is
 * busy and cannot run twice at once, so a fresh one is prepared for that call.
 */
function cachePreparedStatements(database: SqliteDatabase): void {
  const prepare = database.prepare.bind(database);
  const statements = new SecondSightCache<string, SqliteStatement>(STATEMENT_CACHE_SIZE);
  database.prepare = ((sql: string) => {
    const cached = statements.get(sql);
    if (cached && !cached.busy) return cached;
    const statement = prepare(sql);
    if (cached) return statement;
    if (statements.sawBefore(sql)) statements.keep(sql, statement);
    return statement;
  }) as typeof database.prepare;
}

/** Deletes a SQLite database with its write-ahead log and shared-memory index (left behind after a crash). */
export function removeSqliteDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
