// Claiming due rows of a queue table with a lease, shared by the queues several instances work on at once (the
// WhatsApp outbox, webhook deliveries): the due rows are locked and skipped by the others (FOR UPDATE SKIP LOCKED
// where the database has row locks; SQLite has one writer at a time), marked with this instance's id and an
// expiry, and read back. A crashed instance's rows come back when the lease expires.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { EntityData, EntityName, FilterQuery, MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { isSqlite } from '../db/dialect.js';

/** An id for one worker of one process: claims name it, so that only their holder records an outcome. */
export function newWorkerId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

export interface LeaseClaim<T extends object> {
  entity: EntityName<T>;
  /** Selects the ids of due rows, oldest first, with `limit ?` last; `%LOCK%` stands where the row lock goes. */
  dueIdsSql: string;
  /** The statement's parameters, the batch size last. */
  params: readonly unknown[];
  /** What marks the rows as this worker's (its id and the lease's end, and any state of the queue's own). */
  claim: EntityData<T>;
  /** Relations to load with the claimed rows. */
  populate?: readonly string[];
}

/** Claims due rows for this worker, in one transaction; answers them oldest first. */
export async function claimWithLease<T extends object & { id: number }>(
  orm: MikroORM,
  { entity, dueIdsSql, params, claim, populate }: LeaseClaim<T>,
): Promise<T[]> {
  const em = orm.em.fork() as SqlEntityManager;
  const sql = dueIdsSql.replace('%LOCK%', isSqlite(em) ? '' : 'for update skip locked');
  return em.transactional(async (tx) => {
    const due: { id: number }[] = await tx.getConnection().execute(sql, [...params], 'all', tx.getTransactionContext());
    if (due.length === 0) return [];
    const where = { id: { $in: due.map((row) => Number(row.id)) } } as unknown as FilterQuery<T>;
    await tx.nativeUpdate(entity, where, claim);
    return tx.find(entity, where, { orderBy: { id: 'asc' } as never, refresh: true, populate: populate as never });
  });
}
