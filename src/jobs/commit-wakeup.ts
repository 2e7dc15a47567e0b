// Wakes a queue's dispatcher the moment a transaction that wrote rows to it commits, so that a reply (or a
// webhook delivery) does not wait for the next poll. The poll stays: rows queued by another instance, or
// retries that fall due, are found by it.
import type { EntityManager, EntityName, EventArgs, EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';

export class CommitWakeup<T extends object> implements EventSubscriber<T> {
  /** EntityManagers whose transaction has queued rows and has not committed yet. */
  private readonly queued = new WeakSet<EntityManager>();

  constructor(
    /** The queue's row entity: a row of it created in a transaction wakes the dispatcher when it commits. */
    private readonly entity: EntityName<T>,
    private readonly wake: () => void,
  ) {}

  getSubscribedEntities() {
    return [this.entity];
  }

  afterCreate(args: EventArgs<T>): void {
    this.queued.add(args.em);
  }

  afterTransactionCommit(args: TransactionEventArgs): void {
    // A savepoint released inside a transaction is not yet a commit.
    if (args.transaction && 'savepointName' in args.transaction && args.transaction.savepointName) return;
    if (this.queued.delete(args.em)) this.wake();
  }
}
