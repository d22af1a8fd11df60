import { HIGHLIGHT_END, HIGHLIGHT_START } from '@domain/search.ts';

/**
 * A search snippet with its matches (between \u0002 and \u0003) as <mark>. Built from text
 * nodes only, never HTML, so whatever a source says is shown and never run.
 */
export function MarkedText({ text }: { text: string }) {
  const parts: Array<{ text: string; mark: boolean }> = [];
  let mark = false;
  let buf = '';
  for (const ch of text) {
    if (ch === HIGHLIGHT_START || ch === HIGHLIGHT_END) {
      if (buf) parts.push({ text: buf, mark });
      buf = '';
      mark = ch === HIGHLIGHT_START;
    } else buf += ch;
  }
  if (buf) parts.push({ text: buf, mark });
  return <>{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}
