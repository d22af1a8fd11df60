import exifr from 'exifr';

/**
 * What a file gives away before it is sent, read here in the browser (exifr) and shown to the
 * sender only. Stripping is offered for JPEG (APP1–APP15 and comment segments removed, the image
 * data untouched); the original stays the default because it is evidence.
 */
export interface Revealed {
  location: string | null;
  device: string | null;
  time: string | null;
}

export async function revealed(file: File): Promise<Revealed | null> {
  if (!file.type.startsWith('image/')) return null;
  try {
    const tags = (await exifr.parse(file, { gps: true, tiff: true, exif: true })) as Record<string, unknown> | undefined;
    if (!tags) return { location: null, device: null, time: null };
    const lat = tags.latitude;
    const lon = tags.longitude;
    const device = [tags.Make, tags.Model].filter((x) => typeof x === 'string').join(' ');
    const time = tags.DateTimeOriginal ?? tags.CreateDate;
    return {
      location: typeof lat === 'number' && typeof lon === 'number' ? `${lat.toFixed(5)}, ${lon.toFixed(5)}` : null,
      device: device || null,
      time: time instanceof Date ? time.toISOString() : typeof time === 'string' ? time : null,
    };
  } catch {
    return { location: null, device: null, time: null };
  }
}

export const canStrip = (file: File): boolean => file.type === 'image/jpeg' || /\.jpe?g$/i.test(file.name);

/** The JPEG without its metadata segments (EXIF, XMP, IPTC, comments); null if it is not a JPEG. */
export async function stripJpeg(file: File): Promise<Blob | null> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const keep: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1]!;
    if (marker === 0xda) break; // start of scan: the image data follows
    const len = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    const segment = bytes.subarray(i, i + 2 + len);
    const metadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!metadata) keep.push(segment);
    i += 2 + len;
  }
  keep.push(bytes.subarray(i));
  return new Blob(keep as BlobPart[], { type: 'image/jpeg' });
}
