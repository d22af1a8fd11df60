import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseHTML } from 'linkedom';
import { toContractJson, type ContractJson } from './contract.ts';
import { extract } from './extract.ts';
import type { ExtractOptions } from './types.ts';

/** Reads a .txt/.md/.html source as plain text. HTML is stripped crudely; a proper reader may replace this. */
export async function readSourceText(path: string): Promise<string> {
  const raw = await readFile(path, 'utf8');
  const ext = extname(path).toLowerCase();
  if (ext !== '.html' && ext !== '.htm' && !/^\s*<(?:!doctype|html)/i.test(raw)) return raw;
  return htmlToText(raw);
}

const BLOCK = 'p,div,br,li,h1,h2,h3,h4,h5,h6,tr,td,th,figcaption,caption,blockquote,section,article,header,footer,dt,dd';

export function htmlToText(html: string): string {
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll('script,style,noscript,template,svg,iframe')) el.remove();
  // Block elements end lines, so that captions and paragraphs stay separate sentences.
  for (const el of document.querySelectorAll(BLOCK)) el.after(document.createTextNode('\n'));
  const root = document.body ?? document.documentElement;
  return (root?.textContent ?? '').replace(/[ \t\u00a0]+\n/g, '\n').replace(/\n{3,}/g, '\n\n');
}

export async function extractFile(path: string, opts: ExtractOptions = {}): Promise<ContractJson> {
  return toContractJson(extract(await readSourceText(path), opts));
}
