// Subscribers who sent the same operation with the same variables, as the same viewer, get the same answer to
// an event: it is executed and serialized once, and the same payload bytes go to every one of their sockets,
// rather than executed, formatted and stringified once per socket. Five thousand dashboards on ticketCreated
// would otherwise each build, check and stringify their own copy of one answer.
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  Kind,
  print,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';

type Results = AsyncGenerator<ExecutionResult, void, void>;

/** Where one subscription's frames go: its graphql-ws id, and its socket's send of a whole text frame. */
export interface FrameSink {
  id: string;
  send(frame: Buffer): void;
}

export interface SharedSubscribeOptions {
  /**
   * Names everything about the subscriber that can change an answer or a topic's filter (who is asking, in what
   * role): only subscribers with the same name, operation and variables share an answer.
   */
  viewerOf(contextValue: unknown): string;
  /** The subscription's socket, for the operation's context; none to hand results back to graphql-ws instead. */
  sinkOf(contextValue: unknown): FrameSink | undefined;
  /**
   * Root fields whose events come from a pubsub topic alone (no subscribe function of their own, which may
   * count or watch per subscriber): identical subscribers of these share one source stream too.
   */
  isTopicField(fieldName: string): boolean;
  /** What the client sees of a result (errors formatted), as graphql-ws's `onNext` would give it. */
  present(result: ExecutionResult): unknown;
  /** Told of each execution an answer needed (once per event and group of identical subscribers). */
  onExecute(): void;
}

/** One answer, as every subscriber sharing it needs it: the result, and its JSON with the frame's closing brace. */
interface Answer {
  result: ExecutionResult;
  tail: Buffer;
}

/** A subscription in a group: what sends it a frame, and what ends its stream (done, or with the source's error). */
interface Member {
  send(tail: Buffer): void;
  end(error?: unknown): void;
}

/** Identical subscriptions of topic fields: one source stream, one execution and one payload per event. */
interface Group {
  members: Set<Member>;
  source: AsyncIterator<unknown>;
}

export function createSharedSubscribe(options: SharedSubscribeOptions) {
  const groups = new Map<string, Group>();
  // Per event object (one per event and instance), for subscriptions outside groups whose events are shared
  // objects all the same (the report ticker's ticks): dropped with the event.
  const answers = new WeakMap<object, Map<string, Promise<Answer>>>();

  const run = async (args: ExecutionArgs, event: unknown): Promise<Answer> => {
    options.onExecute();
    const result = await execute({ ...args, rootValue: event });
    return { result, tail: Buffer.from(`${JSON.stringify(options.present(result))}}`) };
  };

  const answerOnce = (args: ExecutionArgs, key: string, event: unknown): Promise<Answer> => {
    if (typeof event !== 'object' || event === null) return run(args, event);
    let byKey = answers.get(event);
    if (!byKey) {
      byKey = new Map();
      answers.set(event, byKey);
    }
    let shared = byKey.get(key);
    if (!shared) {
      shared = run(args, event);
      byKey.set(key, shared);
    }
    return shared;
  };

  /** Reads the group's source and sends each answer to every member, in the order of the events. */
  const pump = async (key: string, group: Group, args: ExecutionArgs) => {
    let failure: unknown;
    try {
      for (;;) {
        const event = await group.source.next();
        if (event.done || !group.members.size) break;
        const { tail } = await run(args, event.value);
        for (const member of group.members) member.send(tail);
      }
    } catch (error) {
      failure = error ?? new Error('subscription source failed');
    }
    if (groups.get(key) === group) groups.delete(key);
    for (const member of group.members) member.end(failure);
    group.members.clear();
  };

  const leave = (key: string, group: Group, member: Member) => {
    group.members.delete(member);
    if (group.members.size) return;
    if (groups.get(key) === group) groups.delete(key);
    void group.source.return?.();
  };

  return async function subscribe(args: ExecutionArgs): Promise<Results | ExecutionResult> {
    const operation = args.document.loc?.source.body ?? print(args.document);
    const key = JSON.stringify([
      options.viewerOf(args.contextValue),
      args.operationName ?? null,
      operation,
      args.variableValues ?? {},
    ]);
    const sink = options.sinkOf(args.contextValue);
    const grouped = sink && isTopicOperation(args, options.isTopicField);
    const existing = grouped ? groups.get(key) : undefined;
    if (sink && existing) return join(key, existing, sink);
    const stream = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in stream)) return stream;
    if (!sink) return mapEvents(stream, async (event) => (await answerOnce(args, key, event)).result);
    if (!grouped) return sendEvents(stream, (event) => answerOnce(args, key, event), sink);
    // Another identical subscriber may have started a group while this one's stream was being made.
    const raced = groups.get(key);
    if (raced) {
      await stream[Symbol.asyncIterator]().return?.();
      return join(key, raced, sink);
    }
    const group: Group = { members: new Set(), source: stream[Symbol.asyncIterator]() };
    groups.set(key, group);
    const results = join(key, group, sink);
    void pump(key, group, args);
    return results;
  };

  function join(key: string, group: Group, sink: FrameSink): Results {
    const head = frameHead(sink.id);
    let ended: { error?: unknown } | null = null;
    let wake: (() => void) | null = null;
    const member: Member = {
      send: (tail) => sink.send(Buffer.concat([head, tail], head.length + tail.length)),
      end: (error) => {
        ended = { error };
        wake?.();
      },
    };
    group.members.add(member);
    const close = async (): Promise<IteratorResult<ExecutionResult, void>> => {
      if (!ended) ended = {};
      leave(key, group, member);
      wake?.();
      return { done: true, value: undefined };
    };
    // Yields nothing (the frames are sent already); settles when the group's source ends, or fails with it.
    const results: Results = {
      async next() {
        if (!ended) await new Promise<void>((resolve) => (wake = resolve));
        const { error } = ended ?? {};
        if (error) throw error;
        return { done: true, value: undefined };
      },
      return: close,
      async throw(error: unknown) {
        await close();
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
}

/** `{"id":…,"type":"next","payload":` for one subscription: with a shared payload and `}`, a graphql-ws `next`. */
function frameHead(id: string): Buffer {
  return Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
}

/** Whether the operation's one root field (written as a field, not in a fragment) is a topic field. */
function isTopicOperation(args: ExecutionArgs, isTopicField: (name: string) => boolean): boolean {
  const operation = getOperationAST(args.document, args.operationName);
  const [root, ...more] = operation?.selectionSet.selections ?? [];
  return (
    operation?.operation === 'subscription' &&
    !more.length &&
    root?.kind === Kind.FIELD &&
    isTopicField(root.name.value)
  );
}

/**
 * Sends each event's answer straight to the socket as a graphql-ws `next` message: this subscription's own
 * head and the shared payload. graphql-ws sees a stream that yields nothing and ends when the source ends, so
 * its `complete` still follows the last frame.
 */
function sendEvents(source: AsyncIterable<unknown>, answer: (event: unknown) => Promise<Answer>, sink: FrameSink) {
  const head = frameHead(sink.id);
  let stopped = false;
  return mapEvents(
    source,
    async (event) => {
      const { tail } = await answer(event);
      // An answer that arrives after the client completed the subscription is not sent under its id.
      if (!stopped) sink.send(Buffer.concat([head, tail], head.length + tail.length));
      return null;
    },
    () => (stopped = true),
  );
}

/**
 * Maps each event of the source to its answer; an answer of null is not yielded (it was sent already).
 * Written out rather than as an async generator so that `return()` (the client unsubscribing) reaches the
 * source at once, even while it waits for an event.
 */
function mapEvents(
  source: AsyncIterable<unknown>,
  answer: (event: unknown) => Promise<ExecutionResult | null>,
  onStop: () => void = () => undefined,
): Results {
  const iterator = source[Symbol.asyncIterator]();
  const close = async (): Promise<IteratorResult<ExecutionResult, void>> => {
    onStop();
    await iterator.return?.();
    return { done: true, value: undefined };
  };
  const results: Results = {
    async next() {
      for (;;) {
        const event = await iterator.next();
        if (event.done) return { done: true, value: undefined };
        const value = await answer(event.value);
        if (value) return { done: false, value };
      }
    },
    return: close,
    async throw(error: unknown) {
      onStop();
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
