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

  // The age gauge is filled by the depth gauge's collect (one query per table): registered after it, so it is read fresh.
  const oldest = new Gauge({
    name: 'desk_outbox_oldest_pending_seconds',
    help: 'Age of the oldest outbox row not sent yet, by channel; 0 when none waits.',
    labelNames: ['channel'] as const,
    registers: [],
  });
  const depth = new Gauge({
    name: 'desk_outbox_depth',
    help: 'Outbox rows not sent yet (pending or being sent), by channel.',
    labelNames: ['channel'] as const,
    registers: [],
    async collect() {
      await Promise.all(
        sources.map(async (source) => {
          const states = source.unfinishedStates;
          const [row] = await query(
            `select count(*) as depth, min(${source.createdAtColumn ?? 'created_at'}) as oldest from ${source.table}
              where ${source.stateColumn ?? 'state'} in (${states.map(() => '?').join(', ')})`,
            states,
          );
          const since = toDate(row?.oldest);
          this.set({ channel: source.channel }, Number(row?.depth ?? 0));
          oldest.set({ channel: source.channel }, since ? Math.max(0, (Date.now() - since.getTime()) / 1000) : 0);
        }),
      ).catch(failed('desk_outbox_depth'));
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
