import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ImportError } from '../../domain/errors.ts';
import { cleanText, tidyLines } from './decode.ts';
import { clip, finalTitle, guessKind, type ParsedDocument } from './document.ts';
import { chooseLanguage } from './language.ts';

/**
 * A complete PDF ends with %%EOF in its last KiB. pdf.js repairs files that lack it and returns
 * whatever pages it can reach, which for a cut-off download means a silently partial source.
 */
function hasEndMarker(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024)))
    .toString('latin1')
    .includes('%%EOF');
}

/** Authoring tools fill the Title field with file names and placeholders. */
function usableTitle(raw: unknown): string {
  const t = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : '';
  if (/^(?:untitled|title|document\d*|microsoft word - .*|.*\.(?:docx?|pdf|indd|rtf|odt|hwp|pptx?))$/i.test(t))
    return '';
  return t;
}

type TextItem = { str?: string; hasEOL?: boolean };

function pageText(items: readonly TextItem[]): string {
  let out = '';
  for (const item of items) {
    if (typeof item.str !== 'string') continue; // marked-content boundaries carry no text
    out += item.str;
    if (item.hasEOL) out += '\n';
  }
  return out;
}

function pdfError(err: unknown): ImportError {
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException')
    return new ImportError('unreadable', 'The PDF is password-protected; remove the password and import it again.');
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') {
    return new ImportError('truncated', 'The PDF is corrupt or truncated and cannot be read.');
  }
  const detail = err instanceof Error && err.message ? ` (${err.message.replace(/\.$/, '')})` : '';
  return new ImportError('unreadable', `The PDF could not be read${detail}.`);
}

export async function parsePdf(name: string, bytes: Uint8Array): Promise<ParsedDocument> {
  if (!hasEndMarker(bytes)) {
    throw new ImportError(
      'truncated',
      'The PDF is truncated: it has no end-of-file marker, so it was probably cut off during download or copying.',
    );
  }
  // pdf.js takes ownership of (detaches) the buffer it is given, and the caller still needs its bytes.
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => {});
    throw pdfError(err);
  }
  try {
    const pages: string[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const content = await page.getTextContent();
      pages.push(pageText(content.items as TextItem[]));
      page.cleanup();
    }
    let text = '';
    try {
      text = tidyLines(cleanText(pages.join('\n\n'), { rejectBinary: false }));
    } catch {
      // cleanText only rejects text that is blank once control characters are gone
    }
    if (text === '') {
      throw new ImportError(
        'unreadable',
        'The PDF has no text layer (it is probably a scan), and Tumen does not do OCR; run it through OCR first.',
      );
    }
    const { info } = (await pdf.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? '';
    return {
      text,
      title: finalTitle(usableTitle(info.Title) || firstLine, name),
      publisher: '',
      author: clip(typeof info.Author === 'string' ? info.Author : ''),
      url: '',
      language: chooseLanguage(typeof info.Language === 'string' ? info.Language : null, text),
      // CreationDate is when the file was made (often by a print-to-PDF long after publication,
      // or a scan of an old report), not when the document was published; a wrong date misleads
      // more than a missing one, which the editor can fill in from the document itself.
      published: null,
      kind: guessKind(text),
      mediaType: 'application/pdf',
    };
  } catch (err) {
    throw err instanceof ImportError ? err : pdfError(err);
  } finally {
    await pdf.destroy().catch(() => {});
  }
}
