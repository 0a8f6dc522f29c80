export const MASK = '[contact hidden]';

const EMAIL = /[A-Za-z0-9._%+-]+\s*(?:@|\(at\)|\[at\])\s*[A-Za-z0-9.-]+\.[A-Za-z]{2,}/gi;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
const BARE_DOMAIN = /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|de|fr|uk|eu|nl|it|es|pl|cn|co|info|biz|me|app|shop|store)\b(?:\/[^\s]*)?/gi;
// Eight or more digits with the usual separators: phone numbers, not quantities or prices.
const PHONE = /(?:\+|00)?\d[\d\s().\/-]{6,}\d/g;

function digits(s: string): number {
  return (s.match(/\d/g) ?? []).length;
}

/**
 * Masks e-mail addresses, phone numbers and external links so a deal is not taken off the
 * platform before it is awarded. Returns the masked text and whether anything was found.
 */
export function maskContacts(text: string): { masked: string; found: boolean } {
  let found = false;
  const replace = (re: RegExp, s: string, accept: (m: string) => boolean = () => true) =>
    s.replace(re, (m) => {
      if (!accept(m)) return m;
      found = true;
      return MASK;
    });
  let out = replace(EMAIL, text);
  out = replace(URL, out);
  out = replace(BARE_DOMAIN, out);
  out = replace(PHONE, out, (m) => digits(m) >= 8 && !/^\d{4}-\d{2}-\d{2}$/.test(m.trim()));
  return { masked: out, found };
}
