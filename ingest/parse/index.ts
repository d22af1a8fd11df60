import { ImportError } from '../../domain/errors.ts';
import { detectFormat } from './detect.ts';
import type { ParsedDocument } from './document.ts';
import { parseHtml } from './html.ts';
import { parsePdf } from './pdf.ts';
import { parseMarkdown, parsePlainText } from './text.ts';
import { MAX_IMPORT_BYTES, tooLarge } from './limits.ts';

export type { ParsedDocument } from './document.ts';
export { detectFormat, type ImportFormat } from './detect.ts';

export { MAX_IMPORT_BYTES, tooLarge } from './limits.ts';
export { parseDocumentIsolated, DEFAULT_PARSE_LIMITS, type ParseLimits } from './isolated.ts';

export interface ParseOptions {
  maxBytes?: number;
}

/**
 * A file's bytes as a source document, or an ImportError whose message is one sentence saying
 * why not (the caller prefixes the file name). JSON is Tumen's own export format and has its own
 * importer, so it is recognised here but not parsed.
 */
export async function parseDocument(name: string, bytes: Uint8Array, opts: ParseOptions = {}): Promise<ParsedDocument> {
  const max = opts.maxBytes ?? MAX_IMPORT_BYTES;
  if (bytes.length > max) {
    throw tooLarge(bytes.length, max);
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
