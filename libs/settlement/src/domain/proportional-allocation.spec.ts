import { describe, it } from 'node:test';
import { expect } from 'expect';
import fc from 'fast-check';
import { allocateProportionally } from './proportional-allocation';

describe('allocateProportionally', () => {
  it('splits 1001 by 1000:2000 into 334 + 667 (not 333 + 667)', () => {
    expect(allocateProportionally(1001, [1000, 2000])).toEqual([334, 667]);
    expect(allocateProportionally(100, [100, 200])).toEqual([33, 67]);
    expect(allocateProportionally(5, [0, 0])).toEqual([5, 0]);
  });

  it('always adds up to the whole, each part within one unit of its exact share (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        const parts = allocateProportionally(total, weights);
        expect(parts.reduce((a, p) => a + p, 0)).toBe(total);
        const sum = weights.reduce((a, w) => a + w, 0);
        parts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0);
          if (sum > 0) expect(Math.abs(p - (total * weights[i]) / sum)).toBeLessThan(1 + 1e-6);
        });
      }),
    );
  });
});
