// Group commit for the webhook: the elements of deliveries that arrive together are stored in one transaction (one
// sync of the log) instead of one each. Each delivery is answered once the group holding its elements has
// committed. An element that fails is taken out: the elements before it commit together again, it gets the
// treatment it always had on its own (receiveElement: stored, parked or left to WhatsApp's retry), and the
// elements after it form the next group. Dedupe stays the processed-delivery row: in one transaction, a second
// copy of a delivery finds the first one's row.
import type { IngestConfig } from '../config.js';
import type { DomainEvent } from '../support/domain-events.js';
import type { SharedTransaction, SupportContext } from '../support/support.context.js';
import type { Logger } from '../logger.js';
import { errorCodeOf } from '../db/transient.js';
import { detached } from '../observability/request-context.js';
import type { BotMenu } from './bot.menu.js';
import { receiveElement, storeElement } from './inbound-failure.service.js';
import type { DeliveryElement } from './webhook.parse.js';

/** What became of one element: committed, parked, or not stored for now (the delivery is answered 503). */
export type ElementOutcome = 'stored' | 'parked' | 'transient';

export interface IngestGroupOptions extends IngestConfig {
  /** Elements that may wait for a group; past that the webhook answers 503 and WhatsApp retries later. @default 400 */
  waiting?: number;
}

export interface IngestDeps {
  menu: BotMenu;
  logger: Logger;
  /** A fresh support context (its own EntityManager). */
  support: () => SupportContext;
}

interface Waiting {
  element: DeliveryElement;
  arrivedAt: number;
  settle: (outcome: ElementOutcome) => void;
}

/** Thrown out of a group's transaction (rolling it back) by the element at `index`. */
class ElementFailed extends Error {
  constructor(
    readonly index: number,
    readonly error: unknown,
  ) {
    super('an element of the group failed');
  }
}

export interface IngestQueue {
  /** The outcome of each element, in order, once committed; null when too many are waiting already. */
  receive(elements: DeliveryElement[]): Promise<ElementOutcome[]> | null;
}

export function createIngestQueue(deps: IngestDeps, options: IngestGroupOptions): IngestQueue {
  const queue: Waiting[] = [];
  const waitingLimit = options.waiting ?? 400;
  let running = 0;
  let wakeArmed = false;

  const startGroups = (): void => {
    while (running < options.atOnce && queue.length > 0) {
      const waited = Date.now() - queue[0]!.arrivedAt;
      if (queue.length < options.max && waited < options.waitMs) {
        if (wakeArmed) return;
        wakeArmed = true;
        setTimeout(() => {
          wakeArmed = false;
          startGroups();
        }, options.waitMs - waited);
        return;
      }
      const group = queue.splice(0, options.max);
      running += 1;
      void detached(() =>
        runGroup(deps, group, () => {
          running -= 1;
          startGroups();
        }),
      );
    }
  };

  return {
    receive(elements) {
      if (elements.length === 0) return Promise.resolve([]);
      if (queue.length + elements.length > waitingLimit && queue.length > 0) return null;
      const arrivedAt = Date.now();
      const outcomes = elements.map(
        (element) => new Promise<ElementOutcome>((settle) => queue.push({ element, arrivedAt, settle })),
      );
      startGroups();
      return Promise.all(outcomes);
    },
  };
}

/**
 * Stores a group; then, with its turn given to the next group, runs the followers of what it committed and answers
 * its elements. Never throws.
 */
async function runGroup(deps: IngestDeps, group: Waiting[], done: () => void): Promise<void> {
  const emitted: DomainEvent[] = [];
  const outcomes = new Map<Waiting, ElementOutcome>();
  try {
    await storeInOrder(deps, group, emitted, outcomes);
  } catch (error) {
    deps.logger.error({ err: error, elements: group.length }, 'A webhook group failed');
  } finally {
    done();
  }
  try {
    if (emitted.length > 0) {
      const ctx = deps.support();
      await ctx.handlers.runAfterCommit(emitted, ctx);
    }
  } catch (error) {
    // The elements are committed: a follower's failure is logged, and never stores them again.
    deps.logger.error({ err: error, elements: group.length }, 'A follower failed after a webhook group committed');
  } finally {
    for (const waiting of group) waiting.settle(outcomes.get(waiting) ?? 'transient');
  }
}

/** Commits `items` together when it can, and each on its own where they cannot; in their order either way. */
async function storeInOrder(
  deps: IngestDeps,
  items: Waiting[],
  emitted: DomainEvent[],
  outcomes: Map<Waiting, ElementOutcome>,
): Promise<void> {
  if (items.length === 0) return;
  if (items.length === 1) {
    outcomes.set(items[0]!, await storeAlone(deps, items[0]!));
    return;
  }
  // A refused element always fails: it is parked on its own, without costing the group a rollback.
  const refused = items.findIndex((item) => item.element.refusal);
  if (refused >= 0) return splitAt(deps, items, refused, emitted, outcomes);
  try {
    emitted.push(...(await storeTogether(deps, items)));
    for (const item of items) outcomes.set(item, 'stored');
  } catch (error) {
    if (error instanceof ElementFailed) {
      deps.logger.info(
        // The code only: a driver's message holds the statement, with the message's text in it.
        { code: errorCodeOf(error.error), index: error.index, elements: items.length },
        'An element failed in a webhook group; storing it on its own',
      );
      return splitAt(deps, items, error.index, emitted, outcomes);
    }
    // The commit itself failed (the database away or busy, a lost race at commit): each on its own, as before groups.
    deps.logger.warn({ err: error, elements: items.length }, 'A webhook group did not commit; storing each on its own');
    for (const item of items) outcomes.set(item, await storeAlone(deps, item));
  }
}

async function splitAt(
  deps: IngestDeps,
  items: Waiting[],
  index: number,
  emitted: DomainEvent[],
  outcomes: Map<Waiting, ElementOutcome>,
): Promise<void> {
  await storeInOrder(deps, items.slice(0, index), emitted, outcomes);
  outcomes.set(items[index]!, await storeAlone(deps, items[index]!));
  await storeInOrder(deps, items.slice(index + 1), emitted, outcomes);
}

/** One transaction for all of `items`; answers what they emitted, to be followed now that it has committed. */
async function storeTogether(deps: IngestDeps, items: Waiting[]): Promise<DomainEvent[]> {
  const base = deps.support();
  const emitted: DomainEvent[] = [];
  await base.em.fork().transactional(async (em) => {
    const shared: SharedTransaction = { em, emitted };
    const support = { ...base, em, shared };
    for (const [index, item] of items.entries()) {
      try {
        await storeElement({ menu: deps.menu, logger: deps.logger, support }, item.element);
      } catch (error) {
        throw new ElementFailed(index, error);
      }
    }
  });
  return emitted;
}

/** The path every element took before groups: its own transaction (with retries), parked when it cannot be stored. */
async function storeAlone(deps: IngestDeps, item: Waiting): Promise<ElementOutcome> {
  try {
    return await receiveElement({ menu: deps.menu, logger: deps.logger, support: deps.support() }, item.element);
  } catch (error) {
    deps.logger.error(
      { err: error, kind: item.element.source.kind },
      'WhatsApp webhook element could not be stored for now; WhatsApp will retry',
    );
    return 'transient';
  }
}
