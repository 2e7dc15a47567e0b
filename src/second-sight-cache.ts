// A bounded cache for things that cost more to make than to use once (prepared statements, compiled queries).
/**
 * Least recently used entries are dropped first. A value is kept only the second time its key is seen, so
 * that a stream of one-off keys (SQL with values written into it, ad-hoc documents) neither costs the making
 * of a value nor pushes the repeated ones out.
 */
export class SecondSightCache<K, V> {
  private readonly values = new Map<K, V>();
  private readonly seenOnce = new Set<K>();

  constructor(private readonly capacity: number) {}

  /** The kept value, now the most recently used; undefined when none is kept. */
  get(key: K): V | undefined {
    const value = this.values.get(key);
    if (value === undefined) return undefined;
    this.values.delete(key);
    this.values.set(key, value);
    return value;
  }

  /** True the second time a key is asked about (then keep its value); the first time, remembers it. */
  sawBefore(key: K): boolean {
    if (this.seenOnce.delete(key)) return true;
    if (this.seenOnce.size >= this.capacity) this.seenOnce.clear();
    this.seenOnce.add(key);
    return false;
  }

  /** Keeps a value, dropping the least recently used one past the capacity; returns the value. */
  keep(key: K, value: V): V {
    this.values.set(key, value);
    if (this.values.size > this.capacity) this.values.delete(this.values.keys().next().value as K);
    return value;
  }
}
