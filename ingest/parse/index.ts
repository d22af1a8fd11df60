import { ImportError } from '../../domain/errors.ts';
import { detectFormat } from './detect.ts';
import type { ParsedDocument } from './document.ts';
import { parseHtml } from './html.ts';
import { parsePdf } from './pdf.ts';
import { parseMarkdown, parsePlainText } from './text.ts';

export type { ParsedDocument } from './document.ts';
export { detectFormat, type ImportFormat } from './detect.ts';

/** Big enough for long UN reports with images; small enough that a mistaken upload fails fast. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ParseOptions {
  maxBytes?: number;
}

function size(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const [v, unit] = n < 1024 * 1024 ? [n / 1024, 'KB'] : [n / (1024 * 1024), 'MB'];
  return `${v >= 10 ? Math.round(v) : v.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}

/**
 * A file's bytes as a source document, or an ImportError whose message is one sentence saying
 * why not (the caller prefixes the file name). JSON is Tumen's own export format and has its own
 * importer, so it is recognised here but not parsed.
 */
export async function parseDocument(name: string, bytes: Uint8Array, opts: ParseOptions = {}): Promise<ParsedDocument> {
  const max = opts.maxBytes ?? MAX_IMPORT_BYTES;
  if (bytes.length > max) {
    throw new ImportError('too_large', `The file is ${size(bytes.length)}, over the import limit of ${size(max)}.`);
  }
  const format = detectFormat(name, bytes);
  try {
    switch (format) {
      case 'txt':
        return parsePlainText(name, bytes);
      case 'md':
        return parseMarkdown(name, bytes);
      case 'html':
        return parseHtml(name, bytes);
      case 'pdf':
        return await parsePdf(name, bytes);
      case 'json':
        throw new ImportError(
          'unsupported',
          'JSON files are Tumen exports and go through the export importer, not the document parser.',
        );
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    // Bad input must never surface as a library's own exception (or crash an import batch).
    const detail = err instanceof Error && err.message ? `: ${err.message.replace(/\.$/, '')}` : '';
    throw new ImportError('unreadable', `The file could not be read${detail}.`);
  }
}
