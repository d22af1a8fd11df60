import type { Citation } from '@domain/records.ts';

export interface Segment {
  start: number;
  end: number;
  /** Citations covering this stretch, outermost (earliest start) first. */
  citations: Citation[];
}

/** Cuts the text at every citation boundary so overlapping citations each keep their stretch. */
export function segment(textLength: number, citations: Citation[]): Segment[] {
  const valid = citations.filter((c) => c.end > c.start && c.start >= 0 && c.end <= textLength);
  const cuts = new Set<number>([0, textLength]);
  for (const c of valid) {
    cuts.add(c.start);
    cuts.add(c.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const sorted = [...valid].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  const open: Citation[] = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    while (next < sorted.length && sorted[next]!.start <= a) open.push(sorted[next++]!);
    for (let k = open.length - 1; k >= 0; k--) if (open[k]!.end <= a) open.splice(k, 1);
    out.push({ start: a, end: b, citations: open.filter((c) => c.start <= a && c.end >= b) });
  }
  return out;
}

/**
 * The source-text offset of a DOM position inside the rendered text. Every stretch is one
 * element carrying data-start with exactly one text node, so the offset is exact.
 */
export function textOffset(container: HTMLElement, node: Node, offset: number): number | null {
  if (node === container) {
    const child = container.childNodes[offset] as HTMLElement | undefined;
    if (!child) return Number(container.dataset.length ?? 0);
    return child.dataset?.start !== undefined ? Number(child.dataset.start) : null;
  }
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement);
  const seg = el?.closest<HTMLElement>('[data-start]');
  if (!seg || !container.contains(seg)) return null;
  const start = Number(seg.dataset.start);
  if (node.nodeType === Node.TEXT_NODE) return start + offset;
  return offset === 0 ? start : start + (seg.textContent?.length ?? 0);
}

export interface TextSelection {
  start: number;
  end: number;
  quote: string;
}

export function selectionIn(container: HTMLElement, text: string): TextSelection | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const a = textOffset(container, range.startContainer, range.startOffset);
  const b = textOffset(container, range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  let start = Math.min(a, b);
  let end = Math.max(a, b);
  // Leading and trailing blanks are not part of what was meant.
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  return { start, end, quote: text.slice(start, end) };
}
