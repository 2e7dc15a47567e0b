// SQLite connection that sends values as bound parameters, never as text inside the SQL.
import { isRaw, JsonProperty, type LoggingOptions, type Transaction, Utils } from '@mikro-orm/core';
import { SqliteConnection, SqliteDriver } from '@mikro-orm/sqlite';
import { CompiledQuery } from 'kysely';

/**
 * SQLite's default (and better-sqlite3's) limit of variables per statement. A statement needing more, such as
 * an `in (…)` over a very long list, is left to the ORM, which writes the escaped values into its SQL.
 */
export const SQLITE_MAX_BOUND_PARAMETERS = 32766;

/** A statement as SQL with `?` for each value, and the values in order. */
export interface BoundStatement {
  sql: string;
  parameters: unknown[];
}

/**
 * Turns the ORM's SQL and parameters into SQL with placeholders and the values to bind, walking the string the
 * way `Platform.formatQuery` does so the SQL text is the ORM's to the character, but for the values: `??` is an
 * identifier and is quoted into the text (identifiers come from code), `\?` is a literal `?`, a raw fragment is
 * inlined with its own parameters bound, an array becomes `?, ?, …`. Returns undefined past the variable limit.
 */
export function bindSqliteParameters(
  sql: string,
  params: readonly unknown[],
  quoteIdentifier: (id: unknown) => string,
): BoundStatement | undefined {
  const parameters: unknown[] = [];
  const text = placeholders(sql, params, quoteIdentifier, parameters);
  return parameters.length > SQLITE_MAX_BOUND_PARAMETERS ? undefined : { sql: text, parameters };
}

// A copy of Platform.formatQuery's loop (including its start-of-string case) with `quoteValue` swapped for binding.
function placeholders(sql: string, params: readonly unknown[], quote: (id: unknown) => string, out: unknown[]): string {
  if (params.length === 0) return sql;
  let j = 0;
  let pos = 0;
  let ret = '';
  if (sql.startsWith('?')) {
    if (sql[1] === '?') {
      ret += quote(params[j++]);
      pos = 2;
    } else {
      ret += placeholder(params[j++], quote, out);
      pos = 1;
    }
  }
  while (pos < sql.length) {
    const idx = sql.indexOf('?', pos + 1);
    if (idx === -1) {
      ret += sql.substring(pos, sql.length);
      break;
    }
    if (sql.substring(idx - 1, idx + 1) === '\\?') {
      ret += `${sql.substring(pos, idx - 1)}?`;
      pos = idx + 1;
    } else if (sql.substring(idx, idx + 2) === '??') {
      ret += sql.substring(pos, idx) + quote(params[j++]);
      pos = idx + 2;
    } else {
      ret += sql.substring(pos, idx) + placeholder(params[j++], quote, out);
      pos = idx + 1;
    }
  }
  return ret;
}

// AbstractSqlPlatform.quoteValue: a raw fragment is SQL; a plain or JSON-tagged object is JSON; else escape().
function placeholder(value: unknown, quote: (id: unknown) => string, out: unknown[]): string {
  if (isRaw(value)) return placeholders(value.sql, value.params, quote, out);
  if (Utils.isPlainObject(value) || (value as { [JsonProperty]?: unknown } | null)?.[JsonProperty]) {
    out.push(JSON.stringify(value));
    return '?';
  }
  return escaped(value, out);
}

// SqlitePlatform.escape, value by value: an array is a list of values; a Date is epoch milliseconds.
function escaped(value: unknown, out: unknown[]): string {
  if (Array.isArray(value)) return value.map((item) => escaped(item, out)).join(', ');
  out.push(sqliteValue(value));
  return '?';
}

const wholeOrReal = (value: number): number | bigint => (Number.isSafeInteger(value) ? BigInt(value) : value);

/**
 * What better-sqlite3 binds for what SqlitePlatform.escape would have written. It binds every JS number as a
 * REAL, so `5` would read back through `||` or `typeof()` as `5.0`; a whole number is bound as an integer, as
 * the literal `5` was.
 */
function sqliteValue(value: unknown): unknown {
  if (value == null) return null;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'number') return wholeOrReal(value);
  if (value instanceof Date) return wholeOrReal(value.getTime());
  if (typeof value === 'bigint' || typeof value === 'string' || Buffer.isBuffer(value)) return value;
  return String(value);
}

type AbortOptions = Parameters<ReturnType<SqliteConnection['getClient']>['executeQuery']>[1];

// The ORM carries a query's cancellation in its logger context; it goes to kysely, not into the logs.
function abortOptions(loggerContext?: LoggingOptions): { abort?: AbortOptions; logContext: Record<string, unknown> } {
  const { signal, inflightQueryAbortStrategy, ...logContext } = (loggerContext ?? {}) as Record<string, unknown>;
  if (signal == null && inflightQueryAbortStrategy == null) return { logContext };
  return { abort: { signal, inflightQueryAbortStrategy } as AbortOptions, logContext };
}

type Params = readonly unknown[] | Record<string, unknown>;
type Query = Parameters<SqliteConnection['execute']>[0];
interface PreparedQuery {
  query: string;
  params: unknown[];
  formatted: string;
}

/** The ORM's SQLite connection with `execute` and `stream` sending bound parameters. */
export class BoundSqliteConnection extends SqliteConnection {
  override async execute<T>(
    query: Query,
    params: Params = [],
    method: 'all' | 'get' | 'run' = 'all',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    await this.ensureConnection();
    const q = this.prepare(query, params);
    const bound = bindSqliteParameters(q.query, q.params, (id) => this.platform.quoteIdentifier(id as string));
    if (!bound) return super.execute(q.query, q.params, method, ctx, loggerContext) as Promise<T>;
    const { abort, logContext } = abortOptions(loggerContext);
    const sql = this.getSql(q.query, q.formatted, loggerContext);
    const client = (ctx as Transaction<ReturnType<SqliteConnection['getClient']>> | undefined) ?? this.getClient();
    return this.executeQuery(
      sql,
      async () => {
        const res = await client.executeQuery(CompiledQuery.raw(bound.sql, bound.parameters), abort);
        return this.transformRawResult<T>(res, method);
      },
      { ...q, ...logContext },
    );
  }

  override async *stream<T extends object>(
    query: Query,
    params: Params = [],
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
    chunkSize?: number,
  ): AsyncIterableIterator<T> {
    await this.ensureConnection();
    const q = this.prepare(query, params);
    const bound = bindSqliteParameters(q.query, q.params, (id) => this.platform.quoteIdentifier(id as string));
    if (!bound) {
      yield* super.stream<T>(q.query, q.params, ctx, loggerContext, chunkSize);
      return;
    }
    const { abort, logContext } = abortOptions(loggerContext);
    const sql = this.getSql(q.query, q.formatted, loggerContext);
    // As the ORM does: a query node of kind SelectQueryNode, so that kysely's SQLite driver agrees to stream it.
    const compiled = { query: { kind: 'SelectQueryNode' }, sql: bound.sql, parameters: bound.parameters };
    const client = (ctx as Transaction<ReturnType<SqliteConnection['getClient']>> | undefined) ?? this.getClient();
    try {
      const rows = client
        .getExecutor()
        .stream(compiled as unknown as CompiledQuery, chunkSize ?? 100, abort && { signal: abort.signal });
      this.logQuery(sql, { sql, params: q.params, ...logContext });
      for await (const items of rows) {
        for (const row of this.transformRawResult<T[]>(items, 'all')) yield row;
      }
    } catch (error) {
      this.logQuery(sql, { sql, params: q.params, ...logContext, level: 'error' });
      throw error;
    }
  }

  // The ORM's own preparation (named parameters, query builders, raw fragments, the onQuery hook), which is private.
  private prepare(query: Query, params: Params): PreparedQuery {
    const self = this as unknown as { prepareQuery(query: Query, params: Params): PreparedQuery };
    return self.prepareQuery(query, params);
  }
}

/** The ORM's SQLite driver, on a BoundSqliteConnection. */
export class BoundSqliteDriver extends SqliteDriver {
  constructor(config: ConstructorParameters<typeof SqliteDriver>[0]) {
    super(config);
    // SqliteDriver names its connection class in its constructor; the one it built has not connected yet.
    Object.assign(this, { connection: new BoundSqliteConnection(this.config) });
  }
}
