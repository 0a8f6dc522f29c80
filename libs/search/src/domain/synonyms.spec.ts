import { describe, it } from 'node:test';
import { expect } from 'expect';
import { expandWithSynonyms, normalizeSynonymTerm, synonymMap } from './synonyms';

describe('synonyms', () => {
  const map = synonymMap([
    { kind: 'two_way', input: null, synonyms: ['screw', 'bolt'] },
    { kind: 'one_way', input: 'ss', synonyms: ['stainless steel'] },
    { kind: 'two_way', input: null, synonyms: ['stainless steel', 'inox'] },
  ]);

  it('maps two-way terms to each other and a one-way input only forward', () => {
    expect(map.screw).toEqual(['bolt']);
    expect(map.bolt).toEqual(['screw']);
    expect(map.ss).toEqual(['stainless steel']);
    expect(map['stainless steel']).toEqual(['inox']);
    expect(map.inox).toEqual(['stainless steel']);
  });

  it('normalizes case, punctuation and spacing of terms', () => {
    expect(normalizeSynonymTerm('  Stainless-Steel ')).toBe('stainless steel');
    expect(synonymMap([{ kind: 'two_way', input: null, synonyms: ['Screw', 'BOLT ', 'bolt'] }])).toEqual({ bolt: ['screw'], screw: ['bolt'] });
  });

  it('expands a word into its synonyms and keeps other words as they are', () => {
    expect(expandWithSynonyms(['hex', 'bolt'], map)).toEqual([
      { words: ['hex'], alternatives: [] },
      { words: ['bolt'], alternatives: [['screw']] },
    ]);
  });

  it('expands a one-way input into a phrase, but not the phrase back', () => {
    expect(expandWithSynonyms(['ss', 'nut'], map)).toEqual([
      { words: ['ss'], alternatives: [['stainless', 'steel']] },
      { words: ['nut'], alternatives: [] },
    ]);
    expect(expandWithSynonyms(['stainless', 'steel'], map)).toEqual([{ words: ['stainless', 'steel'], alternatives: [['inox']] }]);
  });

  it('prefers the longest phrase and finds the singular entry of a plural', () => {
    expect(expandWithSynonyms(['stainless', 'steel', 'screws'], map)).toEqual([
      { words: ['stainless', 'steel'], alternatives: [['inox']] },
      { words: ['screws'], alternatives: [['bolt']] },
    ]);
    expect(expandWithSynonyms(['steel'], map)).toEqual([{ words: ['steel'], alternatives: [] }]);
  });

  it('returns nothing for no words and leaves words alone without synonyms', () => {
    expect(expandWithSynonyms([], map)).toEqual([]);
    expect(expandWithSynonyms(['glove'], {})).toEqual([{ words: ['glove'], alternatives: [] }]);
  });
});
