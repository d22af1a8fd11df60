import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canStrip, stripJpeg } from './exif.ts';

/** A JPEG made of named segments: SOI, APPn/COM/DQT…, SOS and the entropy-coded data, EOI. */
function jpeg(segments: Array<[number, string]>): Uint8Array {
  const parts: number[] = [0xff, 0xd8];
  for (const [marker, body] of segments) {
    const b = [...new TextEncoder().encode(body)];
    parts.push(0xff, marker, ((b.length + 2) >> 8) & 0xff, (b.length + 2) & 0xff, ...b);
  }
  parts.push(0xff, 0xda, 0, 4, 1, 2, ...new TextEncoder().encode('IMAGE-DATA'), 0xff, 0xd9);
  return new Uint8Array(parts);
}

test('stripping removes EXIF, XMP and comments and keeps the image segments byte for byte', async () => {
  const bytes = jpeg([
    [0xe0, 'JFIF\0keep'],
    [0xe1, 'Exif\0\0GPS-CANARY 38.8N 125.7E'],
    [0xe1, 'http://ns.adobe.com/xap/1.0/\0XMP-CANARY'],
    [0xdb, 'QUANT-TABLE'],
    [0xfe, 'COMMENT-CANARY'],
  ]);
  const file = new File([bytes as Uint8Array<ArrayBuffer>], 'photo.jpg', { type: 'image/jpeg' });
  assert.ok(canStrip(file));
  const stripped = new Uint8Array(await (await stripJpeg(file))!.arrayBuffer());
  const text = Buffer.from(stripped).toString('latin1');
  assert.doesNotMatch(text, /CANARY/);
  assert.match(text, /JFIF\0keep/);
  assert.match(text, /QUANT-TABLE/);
  assert.ok(text.endsWith('IMAGE-DATA\xff\xd9'), 'image data untouched');
  assert.equal(await stripJpeg(new File(['not a jpeg'], 'x.jpg')), null);
  assert.equal(canStrip(new File(['x'], 'x.png', { type: 'image/png' })), false);
});
