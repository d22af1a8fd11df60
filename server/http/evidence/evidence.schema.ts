import { z } from 'zod';

export const evidenceFileSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  sha256: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  originalName: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});

/** A media type safe to echo in Content-Type; anything else is served as opaque bytes. */
const MEDIA_TYPE =
  /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;\s*[a-z0-9-]+=("[^"\r\n]*"|[a-z0-9!#$&^_.+-]+))*$/i;
export const safeMediaType = (t: string): string => (MEDIA_TYPE.test(t) ? t : 'application/octet-stream');

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name (Korean and Chinese names are the norm). */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_') || 'evidence';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
