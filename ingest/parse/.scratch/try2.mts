import { PDFDocument, StandardFonts } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const doc = await PDFDocument.create();
doc.setTitle('Border report'); doc.setCreationDate(new Date('2020-01-02'));
const font = await doc.embedFont(StandardFonts.Helvetica);
for (const t of [['Page one line A', 'Page one line B'], ['Second page text']]) {
  const p = doc.addPage([400, 400]);
  t.forEach((s, i) => p.drawText(s, { x: 50, y: 350 - i * 20, size: 12, font }));
}
const bytes = await doc.save();
const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 });
const pdf = await task.promise;
const meta = await pdf.getMetadata();
console.log(meta.info);
for (let i = 1; i <= pdf.numPages; i++) {
  const page = await pdf.getPage(i);
  const tc = await page.getTextContent();
  console.log(JSON.stringify(tc.items));
}
await pdf.destroy();
try { await getDocument({ data: bytes.slice(0, 300), verbosity: 0 }).promise; } catch (e: any) { console.log('trunc', e.name, e.message); }
try { const p2 = await getDocument({ data: bytes.slice(0, bytes.length - 200), verbosity: 0 }).promise; console.log('partial ok', p2.numPages); } catch (e: any) { console.log('trunc2', e.name, e.message); }
