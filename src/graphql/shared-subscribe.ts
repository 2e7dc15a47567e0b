// Subscribers who sent the same operation with the same variables, as the same viewer, get the same answer to
// an event: it is executed once and the result shared, rather than once per socket. Five thousand dashboards
// on ticketCreated would otherwise each read the new ticket from the database.
import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';

type Results = AsyncGenerator<ExecutionResult, void, void>;

/**
 * `viewerOf` names everything about the subscriber that can change an answer (who is asking, in what role);
 * the event object itself (one per event and instance, shared by every subscriber's stream) keys the cache,
 * so shared answers are dropped with the event.
 */
export function createSharedSubscribe(viewerOf: (contextValue: unknown) => string) {
  const answers = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

  return async function subscribe(args: ExecutionArgs): Promise<Results | ExecutionResult> {
    const stream = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in stream)) return stream;
    const operation = args.document.loc?.source.body ?? print(args.document);
    const key = JSON.stringify([
      viewerOf(args.contextValue),
      args.operationName ?? null,
      operation,
      args.variableValues ?? {},
    ]);
    const answer = (event: unknown): Promise<ExecutionResult> => {
      const run = () => Promise.resolve(execute({ ...args, rootValue: event }));
      if (typeof event !== 'object' || event === null) return run();
      let byKey = answers.get(event);
      if (!byKey) {
        byKey = new Map();
        answers.set(event, byKey);
      }
      let shared = byKey.get(key);
      if (!shared) {
        shared = run();
        byKey.set(key, shared);
      }
      return shared;
    };
    return mapEvents(stream, answer);
  };
}

/**
 * Maps each event of the source to its answer. Written out rather than as an async generator so that
 * `return()` (the client unsubscribing) reaches the source at once, even while it waits for an event.
 */
function mapEvents(source: AsyncIterable<unknown>, answer: (event: unknown) => Promise<ExecutionResult>): Results {
  const iterator = source[Symbol.asyncIterator]();
  const close = async (): Promise<IteratorResult<ExecutionResult, void>> => {
    await iterator.return?.();
    return { done: true, value: undefined };
  };
  const results: Results = {
    async next() {
      const event = await iterator.next();
      if (event.done) return { done: true, value: undefined };
      return { done: false, value: await answer(event.value) };
    },
    return: close,
    async throw(error: unknown) {
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return results;
    },
    async [Symbol.asyncDispose]() {
      await close();
    },
  };
  return results;
}
