import { inflateSync } from 'node:zlib';

/** WinAnsi bytes 0x80-0x9f that differ from Latin-1 (only the ones our documents may print). */
const WIN_ANSI: Record<number, string> = { 0x80: '€', 0x96: '–', 0x97: '—' };

/**
 * The text a reader sees in a pdfkit document written with a standard font: every content stream
 * inflated, every hex string of its TJ arrays decoded byte by byte as WinAnsi. One string per TJ.
 */
export function pdfTextLines(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      continue; // not a deflated content stream (fonts, images)
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const text = [...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)]
        .map((h) => Buffer.from(h[1], 'hex'))
        .map((bytes) => [...bytes].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join(''))
        .join('');
      lines.push(text);
    }
  }
  return lines;
}
