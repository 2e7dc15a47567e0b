// Wakes the dispatcher the moment a transaction that queued outbox rows commits, so that a reply does not
// wait for the next poll. The poll stays: rows queued by another instance, or retries that fall due, are
// found by it.
import type { EntityManager, EventArgs, EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import { OutboxRow } from './outbox.entity.js';

export class OutboxWakeup implements EventSubscriber<OutboxRow> {
  /** EntityManagers whose transaction has queued rows and has not committed yet. */
  private readonly queued = new WeakSet<EntityManager>();

  constructor(private readonly wake: () => void) {}

  getSubscribedEntities() {
    return [OutboxRow];
  }

  afterCreate(args: EventArgs<OutboxRow>): void {
    this.queued.add(args.em);
  }

  afterTransactionCommit(args: TransactionEventArgs): void {
    // A savepoint released inside a transaction is not yet a commit.
    if (args.transaction && 'savepointName' in args.transaction && args.transaction.savepointName) return;
    if (this.queued.delete(args.em)) this.wake();
  }
}
