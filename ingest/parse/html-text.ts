import { tidyLines } from './decode.ts';

/** Never text for a reader. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'button',
  'select',
  'input',
  'textarea',
  'head',
]);
// Not <form>: ASP.NET WebForms pages wrap the whole page in one.
const FURNITURE = [
  'nav',
  'aside',
  'dialog',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[aria-hidden="true"]',
  '[hidden]',
];

interface Removable {
  remove(): void;
  closest(selector: string): unknown;
}

/**
 * Menus, sidebars and site headers/footers (an article's own <header> and <footer> carry its
 * headline and notes, so those stay). Readability drops these itself on long pages, but on a
 * short page it may keep the whole body.
 */
export function removeFurniture(root: { querySelectorAll(selector: string): Iterable<Removable> }): void {
  for (const el of Array.from(root.querySelectorAll(FURNITURE.join(',')))) el.remove();
  for (const el of Array.from(root.querySelectorAll('header, footer'))) {
    if (!el.closest('article, main, [role="main"]')) el.remove();
  }
}

const PARAGRAPH = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'dl',
  'table',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'address',
  'details',
  'summary',
  'center',
]);
const LINE = new Set(['li', 'tr', 'dt', 'dd', 'caption']);
const CELL = new Set(['td', 'th']);

// Private-use markers for breaks, resolved after the walk so that whitespace around them collapses.
const BR = '\uE000';
const PARA = '\uE001';

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

function walk(node: DomNode, out: string[], pre: boolean): void {
  if (node.nodeType === 3) {
    const data = node.textContent ?? '';
    out.push(pre ? data.replace(/\n/g, BR) : data.replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const tag = node.nodeName.toLowerCase();
  if (SKIP.has(tag)) return;
  if (tag === 'br') {
    out.push(BR);
    return;
  }
  const mark = PARAGRAPH.has(tag) ? PARA : LINE.has(tag) ? BR : '';
  out.push(mark);
  if (tag === 'li') out.push('- ');
  const children = Array.from(node.childNodes);
  for (const child of children) walk(child, out, pre || tag === 'pre');
  if (CELL.has(tag)) out.push('\t');
  out.push(mark);
}

/** Visible text of a DOM subtree with paragraphs separated by blank lines. */
export function domToText(root: DomNode): string {
  const out: string[] = [];
  walk(root, out, false);
  const joined = out
    .join('')
    .replace(new RegExp(`[ \\t]*([${BR}${PARA}][\\s${BR}${PARA}]*)`, 'g'), (_m, run: string) =>
      run.includes(PARA) ? '\n\n' : '\n',
    )
    .replace(/^ +/gm, '');
  return tidyLines(joined);
}
