import { formatMoney } from '@kontor/platform';

/**
 * Characters our documents may hold that the PDF standard fonts (WinAnsi encoding) lack, and the
 * glyph they do have. pdfkit would otherwise print the low byte of the code point: U+2212 (minus)
 * came out as '"', a narrow no-break space as '/'.
 */
const SUBSTITUTES: Record<string, string> = {
  '\u2212': '-', // minus sign (Intl in some locales)
  '\u2010': '-',
  '\u2011': '-',
  '\u202f': ' ', // narrow no-break space (Intl in fr, de-CH...)
  '\u2009': ' ',
  '\u2007': ' ',
  '\u2018': "'",
  '\u2019': "'",
};

/** WinAnsi = Latin-1 plus these in 0x80-0x9F. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text as a standard PDF font can show it: substitutes where a glyph is missing, '?' for the rest. */
export function standardFontText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (SUBSTITUTES[ch] !== undefined) out += SUBSTITUTES[ch];
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += '?';
  }
  return out;
}

/** An amount on a document: the ISO code rather than a symbol the standard font may lack ("EUR 1,234.50"). */
export function documentMoney(amount: number, currency: string): string {
  return standardFontText(formatMoney(amount, currency, { currencyDisplay: 'code' }));
}
