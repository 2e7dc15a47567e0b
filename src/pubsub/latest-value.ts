// A stream of values for one subscriber that never queues: a reader slower than the values gets the latest
// one when it asks next, and the ones it missed are dropped (each value is a whole state, not a change).

/**
 * Starts with `initial`; `listen` registers the function that pushes each new value and returns what
 * unregisters it, called once when the reader stops (return or throw).
 */
export function latestValueStream<T>(
  initial: T,
  listen: (push: (value: T) => void) => () => void,
): AsyncIterableIterator<T> {
  let pending: { value: T } | null = { value: initial };
  let wake: ((result: IteratorResult<T>) => void) | null = null;
  let done = false;
  const unlisten = listen((value) => {
    if (!wake) {
      pending = { value };
      return;
    }
    const resolve = wake;
    wake = null;
    resolve({ value, done: false });
  });
  const finish = (): Promise<IteratorResult<T>> => {
    if (!done) unlisten();
    done = true;
    wake?.({ value: undefined, done: true });
    wake = null;
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next: () => {
      if (done) return Promise.resolve({ value: undefined, done: true });
      if (pending) {
        const { value } = pending;
        pending = null;
        return Promise.resolve({ value, done: false });
      }
      return new Promise((resolve) => (wake = resolve));
    },
    return: finish,
    throw: finish,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
