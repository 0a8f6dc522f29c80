import { describe, it } from 'node:test';
import { expect } from 'expect';
import { findUnsafeInput } from './request-input-check';

describe('findUnsafeInput', () => {
  it('accepts ordinary text, numbers and nested values', () => {
    expect(findUnsafeInput({ title: 'Schrauben M8 😀', tags: ['ä', 'ß'], n: 2 ** 53 - 1, x: -1.5, z: null })).toBeNull();
  });

  it('names the field with a NUL character, also inside arrays', () => {
    expect(findUnsafeInput({ lines: [{ note: 'ok' }, { note: 'a\u0000b' }] })).toEqual({ field: 'lines[1].note', message: 'must not contain NUL characters' });
  });

  it('names the field with a lone surrogate, high or low', () => {
    expect(findUnsafeInput({ email: 'a\ud800@b.example' })?.field).toBe('email');
    expect(findUnsafeInput({ email: '\udc00x' })?.message).toContain('lone UTF-16 surrogate');
    expect(findUnsafeInput({ email: '\ud83d\ude00' })).toBeNull();
  });

  it('refuses NUL in a key and escapes it in the field name', () => {
    expect(findUnsafeInput({ attributes: { 'co\u0000lour': 'red' } })).toEqual({ field: 'attributes.co\\u0000lour', message: 'name must not contain NUL characters' });
  });

  it('refuses integers JSON cannot carry exactly', () => {
    expect(findUnsafeInput({ amount: 2 ** 53 })?.field).toBe('amount');
    expect(findUnsafeInput([1e300])?.field).toBe('[0]');
  });

  it('names a single value by the path it was given', () => {
    expect(findUnsafeInput('x\u0000', 'id')?.field).toBe('id');
    expect(findUnsafeInput('x\u0000')?.field).toBe('body');
  });
});
