// MikroORM's logger, kept as it was (tests read the SQL through it), that also times every statement for the
// metrics and, when tracing, records it as a span under the work that ran it.
import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';
import { isTraced, recordFinishedSpan } from './tracing.js';

export interface QueryObserver {
  /** A statement ended: how long it took, and whether it failed. */
  statement(milliseconds: number, failed: boolean): void;
  /** A transaction committed (a savepoint released does not count): on a durable database, one sync of its log. */
  committed(): void;
}

/** `select`, `insert`… and the first table named: a span's name that tells what ran, without any value in it. */
export function summarizeQuery(sql: string): { operation: string; table: string | null } {
  const operation = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? 'query';
  const table = /\b(?:from|into|update|join)\s+[`"]?(\w+)/i.exec(sql)?.[1] ?? null;
  return { operation, table };
}

class ObservingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly observe: QueryObserver,
    private readonly system: string,
  ) {
    super(options);
  }

  override logQuery(context: { query: string } & LogContext): void {
    super.logQuery(context);
    // The ORM notes a commit after it, untimed.
    if (context.took === undefined && /^commit\b/i.test(context.query)) this.observe.committed();
    // Statements are timed when they end (`took`); the slow-query log repeats some, which count once.
    if (context.took === undefined || context.namespace === 'slow-query') return;
    const failed = context.level === 'error';
    this.observe.statement(context.took, failed);
    if (!isTraced()) return;
    const { operation, table } = summarizeQuery(context.query);
    const attributes = {
      'db.system.name': this.system,
      'db.operation.name': operation,
      ...(table ? { 'db.collection.name': table } : {}),
    };
    recordFinishedSpan(table ? `${operation} ${table}` : operation, attributes, context.took, failed);
  }
}

/** MikroORM's `loggerFactory` option. */
export const observingLoggerFactory = (observe: QueryObserver, system: string) => (options: LoggerOptions) =>
  new ObservingLogger(options, observe, system);
