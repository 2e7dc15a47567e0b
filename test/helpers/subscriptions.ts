// Live feeds for tests: a subscription over a real graphql-ws socket, read event by event.
import type { Client } from 'graphql-ws';
import type { TestServer } from './harness.js';

/** One subscription's events, in the order the server sent them. */
export interface Feed<T = any> {
  /** The next event's root field, or a failure naming the subscription after `ms`. */
  next(ms?: number): Promise<T>;
  /** Resolves when no event arrives for `ms`; fails with the event that did. */
  nothingWithin(ms?: number): Promise<void>;
  /** Settles when the server ends the subscription: with the error (a CloseEvent, or GraphQL errors), or undefined. */
  ended: Promise<unknown>;
  stop(): void;
}

export function open<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Feed<T> {
  const queued: T[] = [];
  let waiter: { event(event: T): void; failed(): void } | undefined;
  let failure: unknown;
  let markEnded!: (reason: unknown) => void;
  const ended = new Promise<unknown>((resolve) => (markEnded = resolve));
  const describeFailure = () => new Error(`subscription failed: ${JSON.stringify(failure)} (${query})`);
  const deliver = (event: T) => (waiter ? waiter.event(event) : queued.push(event));
  const fail = (error: unknown) => {
    failure = error;
    waiter?.failed();
  };
  const stop = client.subscribe<Record<string, T>>(
    { query, variables },
    {
      // An event with errors (a failed fresh read, say) fails the test instead of passing as data.
      next: (result) => (result.errors ? fail(result.errors) : deliver(Object.values(result.data!)[0]!)),
      error: (error) => {
        fail(error);
        markEnded(error);
      },
      complete: () => markEnded(undefined),
    },
  );
  /** Waits up to `ms` for one event; `onTimeout` settles the wait when none comes. */
  const wait = <R>(ms: number, onEvent: (event: T) => R | Error, onTimeout: () => R | Error) =>
    new Promise<R>((resolve, reject) => {
      const settle = (outcome: R | Error) => {
        clearTimeout(timer);
        waiter = undefined;
        return outcome instanceof Error ? reject(outcome) : resolve(outcome);
      };
      const timer = setTimeout(() => settle(failure ? describeFailure() : onTimeout()), ms);
      if (queued.length) return settle(onEvent(queued.shift()!));
      if (failure) return settle(describeFailure());
      waiter = { event: (event) => settle(onEvent(event)), failed: () => settle(describeFailure()) };
    });
  const unexpected = (event: T) =>
    new Error(`unexpected event ${JSON.stringify(event)} for ${query} ${JSON.stringify(variables)}`);
  return {
    next: (ms = 5000) =>
      wait(
        ms,
        (event) => event,
        () => new Error(`no event within ${ms} ms for ${query} ${JSON.stringify(variables)}`),
      ),
    nothingWithin: (ms = 300) => wait<void>(ms, unexpected, () => undefined),
    ended,
    stop,
  };
}

/**
 * Subscribes on a new socket and resolves once the server has registered the subscription.
 *
 * graphql-ws sends `subscribe` messages in order on one socket, but the server handles each message
 * asynchronously (context, then subscribe, then listening on the pubsub), so "sent" is not "listening".
 * A query sent right after on the same socket goes through the same steps; once its answer is back the
 * server has taken our subscription through them too, and a short grace covers the last hop onto the
 * pubsub. Every filtering test also ends on an event that must arrive (in order, after the ones that
 * must not), so a subscription that was not listening fails loudly instead of passing quietly.
 */
export async function subscribe<T = any>(
  server: TestServer,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Feed<T>> {
  const client = server.ws(token);
  const feed = open<T>(client, query, variables);
  await new Promise<void>((resolve, reject) =>
    client.subscribe(
      { query: '{ me { id } }' },
      {
        next: () => undefined,
        error: (error) => reject(new Error(`barrier query failed: ${JSON.stringify(error)}`)),
        complete: resolve,
      },
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  return feed;
}
