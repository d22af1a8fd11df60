import { ImportError } from '../../domain/errors.ts';

/**
 * Browsers cap the tree depth too (Blink at 512): no page written for people nests deeper than
 * a few dozen levels, while the DOM library and Readability slow down super-linearly with depth
 * (nested divs: 1,000 / 2,000 / 4,000 / 8,000 levels took 1.2 / 3.7 / 10 / 38 s).
 */
export const MAX_HTML_DEPTH = 256;
/** A long report has a few tens of thousands of elements; linkedom and Readability need about a minute for 250,000. */
export const MAX_HTML_ELEMENTS = 150_000;

/** Elements whose end tag may be left out (the parser closes them by itself) and those that never have one. */
const NO_DEPTH = new Set(
  'p li dt dd tr td th thead tbody tfoot option optgroup colgroup caption rb rt rp area base br col embed hr img input link meta source track wbr param keygen'.split(' '),
);
/** Their content is text, not markup, up to their own end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/y;

export interface HtmlShape {
  depth: number;
  elements: number;
}

/**
 * One linear pass over the markup (indexOf, no backtracking regex) that estimates the deepest
 * nesting and counts elements, before anything builds a tree.
 */
export function measureHtml(src: string): HtmlShape {
  let depth = 0;
  let maxDepth = 0;
  let elements = 0;
  let i = 0;
  while ((i = src.indexOf('<', i)) !== -1) {
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    TAG.lastIndex = i;
    const m = TAG.exec(src);
    if (!m) {
      i++;
      continue;
    }
    const close = src.indexOf('>', i);
    if (close === -1) break;
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      if (!NO_DEPTH.has(name) && depth > 0) depth--;
      i = close + 1;
      continue;
    }
    elements++;
    i = close + 1;
    if (RAW_TEXT.has(name)) {
      const end = new RegExp(`</${name}`, 'gi');
      end.lastIndex = i;
      if (!end.exec(src)) break;
      i = end.lastIndex;
      continue;
    }
    if (!NO_DEPTH.has(name) && src[close - 1] !== '/') maxDepth = Math.max(maxDepth, ++depth);
  }
  return { depth: maxDepth, elements };
}

export function checkHtmlComplexity(src: string): void {
  const { depth, elements } = measureHtml(src);
  if (depth > MAX_HTML_DEPTH)
    throw new ImportError('too_complex', `The page nests elements ${depth} levels deep, over the limit of ${MAX_HTML_DEPTH}; no page written to be read needs that many, so it was not parsed.`);
  if (elements > MAX_HTML_ELEMENTS)
    throw new ImportError('too_complex', `The page has ${elements} elements, over the limit of ${MAX_HTML_ELEMENTS}, so it was not parsed.`);
}
