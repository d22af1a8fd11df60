import { ImportError } from '../../domain/errors.ts';

/** Control characters that do not belong in text (tab, line feed, form feed and carriage return do). */
// eslint-disable-next-line no-control-regex
const STRAY_CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;
/** More than this share of stray control characters means binary data that happens to be valid UTF-8. */
const MAX_CONTROL_SHARE = 0.01;

function bomEncoding(b: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    // The decoder drops a BOM matching its encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Bytes to text: UTF-8 (BOM or not) or UTF-16 with a BOM. `fallbackEncoding` is a charset the
 * file itself declares (an HTML meta tag), tried only when the bytes are not UTF-8: Korean and
 * Chinese sites still serve EUC-KR and GB18030 pages, and "Save page as" keeps those bytes.
 */
export function decodeText(bytes: Uint8Array, fallbackEncoding?: string | null): string {
  const bom = bomEncoding(bytes);
  let text: string | null;
  if (bom) {
    text = tryDecode(bytes, bom);
    if (text === null)
      throw new ImportError(
        'binary',
        `The file starts with a ${bom.toUpperCase()} byte-order mark but is not valid ${bom.toUpperCase()} text.`,
      );
  } else {
    if (bytes.includes(0)) {
      throw new ImportError(
        'binary',
        'The file contains NUL bytes, so it is binary data (or UTF-16 without a byte-order mark), not text.',
      );
    }
    text = tryDecode(bytes, 'utf-8');
    if (text === null && fallbackEncoding) text = tryDecodeLabel(bytes, fallbackEncoding);
    if (text === null) {
      throw new ImportError(
        'binary',
        'The file is not valid UTF-8 text: it is binary data or uses a legacy encoding such as EUC-KR or GB18030, so save it as UTF-8 and import it again.',
      );
    }
  }
  return cleanText(text);
}

function tryDecodeLabel(bytes: Uint8Array, label: string): string | null {
  try {
    new TextDecoder(label);
  } catch {
    return null; // not an encoding the platform knows
  }
  return tryDecode(bytes, label);
}

/** A loop, not raw.match(): on 50 MB of binary that built an array of fifty million matches. */
function countStrayControls(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c <= 0x08 || c === 0x0b || (c >= 0x0e && c <= 0x1f) || (c >= 0x7f && c <= 0x9f)) n++;
  }
  return n;
}

/** NFC, \n line endings, stray control characters removed; rejects binary and blank text. */
export function cleanText(raw: string, opts: { rejectBinary?: boolean } = {}): string {
  const controls = countStrayControls(raw);
  const share = controls / Math.max(raw.length, 1);
  if ((opts.rejectBinary ?? true) && share > MAX_CONTROL_SHARE) {
    throw new ImportError(
      'binary',
      `The file is binary data, not text: ${Math.max(1, Math.round(share * 100))}% of its characters are control characters.`,
    );
  }
  const text = raw
    .replace(STRAY_CONTROL, '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .normalize('NFC');
  if (text.trim() === '') throw new ImportError('empty', 'The file contains only whitespace.');
  return text;
}

/** Trailing spaces off each line, at most one blank line in a row, no blank lines at either end. */
export function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
