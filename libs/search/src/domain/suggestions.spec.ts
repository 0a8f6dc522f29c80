import { describe, it } from 'node:test';
import { expect } from 'expect';
import { completions, prefixUpperBound, suggestTerms } from './suggestions';

describe('suggestions', () => {
  it('splits a partial query into the typed words and the word being typed', () => {
    expect(suggestTerms('Hex bo')).toEqual({ preceding: ['hex'], last: 'bo' });
    expect(suggestTerms('  the ')).toBeNull();
  });

  it('completes the last word from titles, most frequent first, with the following word as a longer completion', () => {
    const titles = ['Hydraulic hose 2SN', 'Hydraulic hose DN10', 'Hydraulic fitting', 'Hydrant key'];
    expect(completions({ preceding: [], last: 'hydr' }, titles, [], 5)).toEqual(['hydraulic', 'hydraulic hose', 'hydrant', 'hydrant key', 'hydraulic fitting']);
  });

  it('keeps the typed words in front and does not repeat them', () => {
    const titles = ['Hex bolt M8 stainless', 'Hex head bolt', 'Hex nut'];
    expect(completions({ preceding: ['hex'], last: 'b' }, titles, ['bolt', 'brass'], 3)).toEqual(['hex bolt']);
    expect(completions({ preceding: ['hex'], last: 'h' }, titles, [], 3)).toEqual(['hex head', 'hex head bolt']);
    expect(completions({ preceding: ['hex'], last: 'b' }, titles, [], 1)).toEqual(['hex bolt']);
  });

  it('fills up from the vocabulary, shorter words first, when titles give too few', () => {
    expect(completions({ preceding: [], last: 'gal' }, ['Galvanized carriage bolt'], ['galvanised', 'gallon', 'galvanized'], 4)).toEqual(['galvanized', 'galvanized carriage', 'gallon', 'galvanised']);
  });

  it('bounds a prefix range in byte order', () => {
    expect(prefixUpperBound('bol')).toBe('bom');
    expect(prefixUpperBound('z')).toBe('{');
  });
});
