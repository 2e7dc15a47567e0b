// The cache behind prepared statements and compiled queries: kept on second sight, least recently used out first.
import { describe, expect, it } from 'vitest';
import { SecondSightCache } from '../src/second-sight-cache.js';

describe('SecondSightCache', () => {
  it('keeps a value only the second time its key is seen', () => {
    const cache = new SecondSightCache<string, number>(2);
    expect(cache.sawBefore('a')).toBe(false);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.sawBefore('a')).toBe(true);
    expect(cache.keep('a', 1)).toBe(1);
    expect(cache.get('a')).toBe(1);
  });

  it('drops the least recently used value past its capacity', () => {
    const cache = new SecondSightCache<string, number>(2);
    cache.keep('a', 1);
    cache.keep('b', 2);
    cache.get('a');
    cache.keep('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('forgets one-off keys rather than growing without bound', () => {
    const cache = new SecondSightCache<string, number>(2);
    for (const key of ['a', 'b', 'c']) cache.sawBefore(key);
    expect(cache.sawBefore('a')).toBe(false);
  });
});
