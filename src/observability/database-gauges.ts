// Gauges read from the database at each scrape: how much waits in each outbox, how long the oldest has waited,
// and how many inbound webhook elements are parked for an admin.
import type { MikroORM } from '@mikro-orm/core';
import { Gauge } from 'prom-client';
import type { Logger } from '../logger.js';
import type { DeskMetrics } from './metrics.js';

/**
 * An outbox table: rows waiting to go out to one channel. A new channel is one more entry in `outboxSources`.
 * Table and column names are ours, never input: they go into the SQL as written.
 */
export interface OutboxSource {
  /** The `channel` label: whatsapp, webhooks… */
  channel: string;
  table: string;
  /** Values of its state column that mean "not sent yet". */
  unfinishedStates: string[];
  /** The column holding a row's state. @default 'state' */
  stateColumn?: string;
  /** The column telling when a row was written. @default 'created_at' */
  createdAtColumn?: string;
}

export const outboxSources: OutboxSource[] = [
  { channel: 'whatsapp', table: 'whatsapp_outbox', unfinishedStates: ['PENDING', 'SENDING'] },
  { channel: 'webhooks', table: 'webhook_deliveries', unfinishedStates: ['PENDING'], stateColumn: 'status' },
];

/** A datetime as the driver answers it: a Date, epoch milliseconds (SQLite), or UTC text without a zone. */
function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number' || /^\d+$/.test(String(value))) return new Date(Number(value));
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

export function watchDatabase(
  metrics: DeskMetrics,
  orm: MikroORM,
  logger: Logger,
  sources: OutboxSource[] = outboxSources,
): void {
  const query = async (sql: string, params: unknown[]) =>
    (await orm.em.fork().getConnection().execute(sql, params)) as Record<string, unknown>[];
  const failed = (what: string) => (error: unknown) =>
    logger.warn({ err: error, gauge: what }, 'a metric could not be read from the database');

  // Both gauges come from one query per table. prom-client asks every metric for its figures at once (in the same
  // tick), so both collects share one read in flight and set their figures from the same rows: a scrape never
  // shows an empty outbox with an age left over from the scrape before.
  let reading: Promise<{ channel: string; depth: number; oldestSeconds: number }[]> | null = null;
  const read = () =>
    (reading ??= Promise.all(
      sources.map(async (source) => {
        const states = source.unfinishedStates;
        const [row] = await query(
          `select count(*) as depth, min(${source.createdAtColumn ?? 'created_at'}) as oldest from ${source.table}
            where ${source.stateColumn ?? 'state'} in (${states.map(() => '?').join(', ')})`,
          states,
        );
        const since = toDate(row?.oldest);
        return {
          channel: source.channel,
          depth: Number(row?.depth ?? 0),
          oldestSeconds: since ? Math.max(0, (Date.now() - since.getTime()) / 1000) : 0,
        };
      }),
    ).finally(() => {
      reading = null;
    }));
  const oldest = new Gauge({
    name: 'desk_outbox_oldest_pending_seconds',
    help: 'Age of the oldest outbox row not sent yet, by channel; 0 when none waits.',
    labelNames: ['channel'] as const,
    registers: [],
    async collect() {
      await read()
        .then((rows) => {
          for (const row of rows) this.set({ channel: row.channel }, row.oldestSeconds);
        })
        .catch(failed('desk_outbox_oldest_pending_seconds'));
    },
  });
  const depth = new Gauge({
    name: 'desk_outbox_depth',
    help: 'Outbox rows not sent yet (pending or being sent), by channel.',
    labelNames: ['channel'] as const,
    registers: [],
    async collect() {
      await read()
        .then((rows) => {
          for (const row of rows) this.set({ channel: row.channel }, row.depth);
        })
        .catch(failed('desk_outbox_depth'));
    },
  });
  metrics.registry.registerMetric(depth);
  metrics.registry.registerMetric(oldest);

  new Gauge({
    name: 'desk_inbound_parked',
    help: 'Inbound webhook elements that could not be stored, parked for an admin to retry or dismiss.',
    registers: [metrics.registry],
    async collect() {
      await query(`select count(*) as parked from inbound_failures where state = ?`, ['PARKED'])
        .then(([row]) => this.set(Number(row?.parked ?? 0)))
        .catch(failed('desk_inbound_parked'));
    },
  });
}

/** The parts of mysql2's pool read for the gauges: its own bookkeeping (no public API counts connections). */
interface Mysql2Pool {
  config?: { connectionLimit?: number };
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/**
 * The MariaDB/MySQL connection pool, read at each scrape: connections in use and idle, callers waiting for one,
 * and its size. MikroORM hands out its mysql2 pool (`getNativeClient`); SQLite has no pool (one connection), so
 * these gauges are absent there.
 */
export function watchConnectionPool(metrics: DeskMetrics, orm: MikroORM, dialect: string): void {
  const connection = orm.em.getConnection() as { getNativeClient?: () => Promise<unknown> };
  if (dialect === 'sqlite' || !connection.getNativeClient) return;
  let pool: Mysql2Pool | undefined;
  const read = async () => {
    pool ??= (await connection.getNativeClient!()) as Mysql2Pool;
    const all = pool._allConnections?.length ?? 0;
    const idle = pool._freeConnections?.length ?? 0;
    return { all, idle, waiting: pool._connectionQueue?.length ?? 0, max: pool.config?.connectionLimit ?? 0 };
  };
  new Gauge({
    name: 'desk_db_pool_connections',
    help: 'Database connections in the pool, by state: used (lent to a query or transaction) or idle.',
    labelNames: ['state'] as const,
    registers: [metrics.registry],
    async collect() {
      const { all, idle } = await read();
      this.set({ state: 'used' }, all - idle);
      this.set({ state: 'idle' }, idle);
    },
  });
  new Gauge({
    name: 'desk_db_pool_waiting',
    help: 'Callers waiting for a database connection because every one is in use.',
    registers: [metrics.registry],
    async collect() {
      this.set((await read()).waiting);
    },
  });
  new Gauge({
    name: 'desk_db_pool_max',
    help: 'The most connections the pool opens at once.',
    registers: [metrics.registry],
    async collect() {
      this.set((await read()).max);
    },
  });
}
