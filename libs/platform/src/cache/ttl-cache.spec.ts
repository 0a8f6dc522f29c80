import { describe, it } from 'node:test';
import { expect } from 'expect';
import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('expires entries after their time to live', () => {
    let now = 0;
    const cache = new TtlCache<string, number>(1000, 10, () => now);
    cache.set('a', 1);
    now = 999;
    expect(cache.get('a')).toBe(1);
    now = 1000;
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops the oldest entry beyond its size', () => {
    const cache = new TtlCache<string, number>(1000, 2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([false, true, true]);
  });

  it('loads only the missing keys, once', async () => {
    const cache = new TtlCache<string, number>(1000);
    const asked: string[][] = [];
    const load = async (keys: string[]) => {
      asked.push(keys);
      return new Map(keys.filter((k) => k !== 'none').map((k) => [k, k.length]));
    };
    expect(await cache.getMany(['ab', 'abc', 'none'], load)).toEqual(new Map([['ab', 2], ['abc', 3]]));
    expect(await cache.getMany(['ab', 'abcd', 'ab'], load)).toEqual(new Map([['ab', 2], ['abcd', 4]]));
    expect(asked).toEqual([['ab', 'abc', 'none'], ['abcd']]);
  });
});
