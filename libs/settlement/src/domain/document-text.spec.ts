import { describe, it } from 'node:test';
import { expect } from 'expect';
import { documentMoney, standardFontText } from './document-text';

describe('document text', () => {
  it('replaces the minus sign and narrow spaces the standard fonts lack', () => {
    expect(standardFontText('Gross 10 \u2212 fee 1\u202f000')).toBe('Gross 10 - fee 1 000');
  });

  it('keeps what WinAnsi has and marks what it cannot show', () => {
    expect(standardFontText('Müller € 5 – ok')).toBe('Müller € 5 – ok');
    expect(standardFontText('₹ 日本')).toBe('? ??');
  });

  it('prints amounts with the currency code and its own decimals', () => {
    expect(documentMoney(-123456, 'EUR').replace('\u00a0', ' ')).toBe('-EUR 1,234.56');
    expect(documentMoney(1500, 'JPY').replace('\u00a0', ' ')).toBe('JPY 1,500');
  });
});
