import { describe, it } from 'node:test';
import { expect } from 'expect';
import fc from 'fast-check';
import { allowedTypos, deletionForms, typoDistance } from './typos';

describe('typo rules', () => {
  it('allows one typo from 5 letters and two from 9, none in codes, one in short unknown words', () => {
    expect(allowedTypos('bolt', true)).toBe(0);
    expect(allowedTypos('blt', false)).toBe(1);
    expect(allowedTypos('bo', false)).toBe(0);
    expect(allowedTypos('blots', true)).toBe(1);
    expect(allowedTypos('hydraulik', true)).toBe(2);
    expect(allowedTypos('m8', false)).toBe(0);
    expect(allowedTypos('6204rs', false)).toBe(0);
  });

  it('counts a transposition of neighbours as one typo', () => {
    expect(typoDistance('blots', 'bolts')).toBe(1);
    expect(typoDistance('blt', 'bolt')).toBe(1);
    expect(typoDistance('glove', 'groove')).toBe(2);
    expect(typoDistance('hydraulik', 'hydraulic')).toBe(1);
    expect(typoDistance('stainelss', 'stainless')).toBe(1);
    expect(typoDistance('abc', 'xyz', 1)).toBe(2);
  });

  it('finds every word within one typo through a shared deletion form', () => {
    const word = fc.stringMatching(/^[a-e]{2,7}$/);
    fc.assert(
      fc.property(word, word, (a, b) => {
        if (typoDistance(a, b) !== 1) return;
        const fa = new Set([a, ...deletionForms(a)]);
        expect([b, ...deletionForms(b)].some((f) => fa.has(f))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('is a metric-like distance: zero only for equal words, symmetric', () => {
    const word = fc.stringMatching(/^[a-d]{0,6}$/);
    fc.assert(fc.property(word, word, (a, b) => {
      expect(typoDistance(a, b)).toBe(typoDistance(b, a));
      expect(typoDistance(a, b) === 0).toBe(a === b);
    }));
  });
});
