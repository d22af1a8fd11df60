import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ImportError } from '../../domain/errors.ts';
import { detectFormat, MAX_IMPORT_BYTES, parseDocument } from './index.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...enc(p)] : p)));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const ZIP = [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 16];

function check(err: unknown, reason: ImportError['reason'], message?: RegExp): true {
  assert.ok(err instanceof ImportError, `expected ImportError, got ${String(err)}`);
  assert.equal(err.reason, reason, err.message);
  assert.equal(err.id, `import_${reason}`);
  // One readable sentence: the caller prefixes the file name.
  assert.match(err.message, /^[A-Z][^\n]*\.$/);
  if (message) assert.match(err.message, message);
  return true;
}

const rejects = (
  name: string,
  data: Uint8Array,
  reason: ImportError['reason'],
  message?: RegExp,
  opts?: { maxBytes?: number },
) =>
  assert.rejects(
    parseDocument(name, data, opts),
    (err) => check(err, reason, message),
    `${name} should fail with ${reason}`,
  );

test('detectFormat maps extensions, case-insensitively', () => {
  assert.equal(detectFormat('a.txt', enc('x')), 'txt');
  assert.equal(detectFormat('a.MD', enc('x')), 'md');
  assert.equal(detectFormat('dir.v2/a.htm', enc('<p>x')), 'html');
  assert.equal(detectFormat('A.PDF', enc('%PDF-1.4')), 'pdf');
  assert.equal(detectFormat('export.json', enc('{}')), 'json');
});

test('empty files', async () => {
  await rejects('a.txt', new Uint8Array(), 'empty', /0 bytes/);
  await rejects('a.pdf', new Uint8Array(), 'empty');
  await rejects('a.txt', enc(' \n\t\r\n\u3000 '), 'empty', /whitespace/);
  await rejects('a.txt', bytes([0xef, 0xbb, 0xbf], '\n\n'), 'empty');
  await rejects(
    'a.html',
    enc('<html><head><title>T</title></head><body><script>x()</script></body></html>'),
    'empty',
    /no readable text/,
  );
  await rejects('a.md', enc('---\ntitle: Only metadata\n---\n\n'), 'empty', /front matter/);
});

test('files over the size limit', async () => {
  assert.equal(MAX_IMPORT_BYTES, 50 * 1024 * 1024);
  await rejects('a.txt', enc('hello world'), 'too_large', /11 bytes.*limit of 10 bytes/, { maxBytes: 10 });
  await rejects('a.pdf', new Uint8Array(MAX_IMPORT_BYTES + 1), 'too_large', /50 MB/);
  assert.equal((await parseDocument('a.txt', enc('hello world'), { maxBytes: 11 })).text, 'hello world');
});

test('binary garbage in text files', async () => {
  await rejects('a.txt', bytes('abc', [0], 'def'), 'binary', /NUL/);
  await rejects('a.txt', bytes('caf', [0xe9], ' au lait'), 'binary', /not valid UTF-8.*EUC-KR/);
  await rejects('a.md', bytes([0xba, 0xcf, 0xc7, 0xd1]), 'binary', /UTF-8/);
  await rejects('a.txt', bytes('ab', [1, 2, 3, 4, 5, 6, 0x1b, 0x7f], 'cd'), 'binary', /control characters/);
  await rejects('a.txt', bytes([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), 'binary', /UTF-16LE/);
  await rejects('a.html', bytes('<p>', [0], '</p>'), 'binary');
  // A few stray control characters in real text are dropped, not fatal.
  const ok = await parseDocument('a.txt', enc(`Title\n${'text '.repeat(100)}\u0007end`));
  assert.ok(!ok.text.includes('\u0007'));
});

test('truncated or corrupt PDFs', async () => {
  await rejects('a.pdf', enc('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), 'truncated', /end-of-file marker/);
  await rejects('a.pdf', enc('%PDF-1.7\ngarbage\n%%EOF'), 'truncated', /corrupt/);
});

test('extensions that lie about the content', async () => {
  await rejects('scan.pdf', bytes(PNG), 'wrong_extension', /named \.pdf but is not a PDF: it is a PNG image/);
  await rejects('notes.pdf', enc('just some text'), 'wrong_extension', /%PDF-/);
  await rejects('report.txt', enc('%PDF-1.7\n%%EOF'), 'wrong_extension', /actually a PDF document; rename it to \.pdf/);
  await rejects('report.txt', bytes(ZIP), 'wrong_extension', /ZIP archive/);
  await rejects('photo.md', bytes(PNG), 'wrong_extension', /PNG/);
  await rejects('page.html', bytes(JPEG), 'wrong_extension', /JPEG/);
  assert.throws(
    () => detectFormat('x.json', bytes(ZIP)),
    (err) => check(err, 'wrong_extension', /cannot import/),
  );
});

test('unsupported extensions, and JSON is not parsed here', async () => {
  await rejects('report.docx', bytes(ZIP), 'unsupported', /\.docx cannot be imported \(this one is a ZIP/);
  await rejects('tool.exe', enc('MZ'), 'unsupported', /\.exe/);
  await rejects('README', enc('text'), 'unsupported', /no extension/);
  await rejects('.txt', enc('text'), 'unsupported', /no extension/);
  await rejects('export.json', enc('{"sources":[]}'), 'unsupported', /export importer/);
});
