import { ImportError } from '../../domain/errors.ts';

export type ImportFormat = 'txt' | 'md' | 'html' | 'pdf' | 'json';

const EXTENSIONS: Record<string, ImportFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  json: 'json',
};
const SUPPORTED = '.txt, .md, .html, .pdf or .json';

type Magic = { what: string; ext: string; test: (b: Uint8Array) => boolean };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function hasPdfHeader(b: Uint8Array): boolean {
  // Readers accept junk before the header within the first KiB (some mail gateways add it).
  const head = Buffer.from(b.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** Formats people mistake for documents. Text files never start with these bytes. */
const MAGIC: Magic[] = [
  { what: 'a PDF document', ext: 'pdf', test: (b) => startsWith(b, ascii('%PDF-')) },
  {
    what: 'a ZIP archive (or a Word, Excel or EPUB file)',
    ext: 'zip',
    test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]),
  },
  { what: 'a PNG image', ext: 'png', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { what: 'a JPEG image', ext: 'jpg', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { what: 'a GIF image', ext: 'gif', test: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { what: 'a WebP image', ext: 'webp', test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  {
    what: 'a TIFF image',
    ext: 'tiff',
    test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]),
  },
  { what: 'a gzip archive', ext: 'gz', test: (b) => startsWith(b, [0x1f, 0x8b]) },
  { what: 'a 7-Zip archive', ext: '7z', test: (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { what: 'a RAR archive', ext: 'rar', test: (b) => startsWith(b, ascii('Rar!\x1a\x07')) },
  {
    what: 'an old-style Word or Excel file',
    ext: 'doc',
    test: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  },
  { what: 'an HWP (Hangul word processor) file', ext: 'hwp', test: (b) => startsWith(b, ascii('HWP Document File')) },
];

/** What the bytes really are, when their first bytes say so. */
export function sniff(bytes: Uint8Array): Magic | null {
  return MAGIC.find((m) => m.test(bytes)) ?? null;
}

export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function detectFormat(name: string, bytes: Uint8Array): ImportFormat {
  const ext = extensionOf(name);
  const format = EXTENSIONS[ext];
  if (!format) {
    const found = bytes.length > 0 ? sniff(bytes) : null;
    throw new ImportError(
      'unsupported',
      ext === ''
        ? `The file has no extension, so Tumen cannot tell its format; name it ${SUPPORTED}.`
        : `Files of type .${ext} cannot be imported${found ? ` (this one is ${found.what})` : ''}; Tumen imports ${SUPPORTED} files.`,
    );
  }
  if (bytes.length === 0) throw new ImportError('empty', 'The file is empty (0 bytes).');
  const found = sniff(bytes);
  if (format === 'pdf') {
    if (hasPdfHeader(bytes)) return 'pdf';
    throw new ImportError(
      'wrong_extension',
      `The file is named .pdf but is not a PDF${found ? `: it is ${found.what}` : ' (it does not start with %PDF-)'}.`,
    );
  }
  if (found) {
    const hint = EXTENSIONS[found.ext]
      ? `; rename it to .${found.ext} and import it again`
      : ', which Tumen cannot import';
    throw new ImportError('wrong_extension', `The file is named .${ext} but is actually ${found.what}${hint}.`);
  }
  return format;
}
