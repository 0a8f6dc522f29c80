import { Fragment } from 'react';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e);

/** Renders the API's escaped highlight (`<mark>` around matches) as React text nodes: no raw HTML. */
export function Highlighted({ html }: { html: string }) {
  const parts = html.split(/<mark>|<\/mark>/);
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <mark key={i} className="rounded bg-amber-100 px-0.5">{unescape(part)}</mark> : <Fragment key={i}>{unescape(part)}</Fragment>))}
    </>
  );
}
