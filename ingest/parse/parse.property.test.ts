import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ImportError } from '../../domain/errors.ts';
import { parseDocument } from './index.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** Returns a well-formed document or throws ImportError; nothing else may escape. */
async function returnsOrImportError(name: string, bytes: Uint8Array): Promise<void> {
  try {
    const doc = await parseDocument(name, bytes);
    assert.ok(doc.title.length > 0);
    assert.ok(doc.text.trim().length > 0);
    assert.ok(!doc.text.includes('\r'));
    assert.equal(doc.text, doc.text.normalize('NFC'));
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
  }
}

const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }),
  fc.string({ unit: 'binary', maxLength: 500 }).map(enc),
  fc.string({ unit: 'grapheme', maxLength: 500 }).map((s) => enc(`Title\n${s}`)),
  fc
    .tuple(
      fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x25, 0x50, 0x44, 0x46, 0x2d]),
      fc.uint8Array({ maxLength: 500 }),
    )
    .map(([head, tail]) => new Uint8Array([...head, ...tail])),
);

test('arbitrary bytes named x.txt give a document or an ImportError', async () => {
  await fc.assert(
    fc.asyncProperty(anyBytes, (bytes) => returnsOrImportError('x.txt', bytes)),
    { numRuns: 300 },
  );
});

test('arbitrary bytes as markdown and HTML give a document or an ImportError', async () => {
  const markup = fc
    .array(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<nav>',
        '<article>',
        '<meta property="og:title" content="',
        '"',
        '>',
        '---\n',
        'date: ',
        '2023-09-08',
        '\n',
        'text ',
        '한글 ',
        '<script type="application/ld+json">{',
        '<time datetime="',
      ),
      { maxLength: 40 },
    )
    .map((a) => enc(a.join('')));
  const input = fc.oneof(anyBytes, markup);
  await fc.assert(
    fc.asyncProperty(input, fc.constantFrom('x.md', 'x.html'), (bytes, name) => returnsOrImportError(name, bytes)),
    { numRuns: 200 },
  );
});

test('damaged PDFs give a document or an ImportError', async () => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText('Known text', { font, x: 50, y: 700 });
  const good = await pdf.save();
  const damaged = fc
    .array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 })
    .map((edits) => {
      const copy = good.slice();
      for (const [at, value] of edits) copy[at] = value;
      return copy;
    });
  await fc.assert(
    fc.asyncProperty(damaged, (bytes) => returnsOrImportError('x.pdf', bytes)),
    { numRuns: 40 },
  );
});
