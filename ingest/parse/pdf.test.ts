import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { ImportError } from '../../domain/errors.ts';
import { parseDocument } from './index.ts';

async function makePdf(
  pages: string[][],
  info: { title?: string; author?: string; lang?: string } = {},
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (info.title !== undefined) pdf.setTitle(info.title);
  if (info.author) pdf.setAuthor(info.author);
  if (info.lang) pdf.setLanguage(info.lang);
  pdf.setCreationDate(new Date('2020-01-02T00:00:00Z'));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 18, size: 12, font }));
    if (lines.length === 0) page.drawRectangle({ x: 50, y: 50, width: 200, height: 300, color: rgb(0.2, 0.2, 0.2) });
  }
  return pdf.save();
}

const rejectsWith = (p: Promise<unknown>, reason: ImportError['reason'], message?: RegExp) =>
  assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof ImportError, `expected ImportError, got ${String(err)}`);
    assert.equal(err.reason, reason);
    if (message) assert.match(err.message, message);
    return true;
  });

test('two-page PDF: all pages, line breaks kept, title from the info dictionary, no date', async () => {
  const bytes = await makePdf(
    [
      ['Forced repatriation of North Koreans', 'Report of 2023', 'Hyesan and Sinuiju'],
      ['Second page: testimony of witnesses.'],
    ],
    { title: 'Forced repatriation report', author: 'Example NGO' },
  );
  const copy = bytes.slice();
  const doc = await parseDocument('report.pdf', bytes);
  assert.deepEqual(bytes, copy, 'the caller’s bytes are left intact');
  assert.equal(doc.title, 'Forced repatriation report');
  assert.equal(doc.author, 'Example NGO');
  assert.equal(doc.mediaType, 'application/pdf');
  assert.equal(doc.language, 'en');
  assert.equal(doc.published, null, 'CreationDate is not a publication date');
  assert.equal(
    doc.text,
    'Forced repatriation of North Koreans\nReport of 2023\nHyesan and Sinuiju\n\nSecond page: testimony of witnesses.',
  );
});

test('PDF without a usable title: first line; a declared /Lang is used', async () => {
  const bytes = await makePdf([['Rapport sur la frontiere', 'Texte.']], {
    title: 'Microsoft Word - rapport.docx',
    lang: 'fr-FR',
  });
  const doc = await parseDocument('r.pdf', bytes);
  assert.equal(doc.title, 'Rapport sur la frontiere');
  assert.equal(doc.language, 'fr-FR');
});

test('a PDF with no text layer asks for OCR', async () => {
  await rejectsWith(parseDocument('scan.pdf', await makePdf([[], []])), 'unreadable', /no text layer.*OCR/);
});

test('truncated and corrupt PDFs', async () => {
  const bytes = await makePdf([['Some text']]);
  await rejectsWith(parseDocument('cut.pdf', bytes.slice(0, Math.floor(bytes.length * 0.6))), 'truncated', /truncated/);
  await rejectsWith(parseDocument('cut.pdf', bytes.slice(0, 400)), 'truncated');
  const garbage = new TextEncoder().encode('%PDF-1.7\nthis is not a real pdf body at all\n%%EOF\n');
  await rejectsWith(parseDocument('bad.pdf', garbage), 'truncated', /corrupt/);
});
