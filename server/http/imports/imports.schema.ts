import { z } from 'zod';

export const importHeadersSchema = z.looseObject({
  'x-file-name': z
    .string()
    .min(1, 'required: the file name (percent-encoded UTF-8), whose extension says how to read the file')
    .max(1_000)
    .describe('the uploaded file name, percent-encoded UTF-8'),
});

export const importResultSchema = z.object({
  file: z.string(),
  status: z.enum(['imported', 'duplicate', 'failed']),
  sourceId: z.string().optional(),
  title: z.string().optional(),
  sha256: z.string().optional(),
  candidates: z.number().int().optional().describe('candidate records proposed from the text'),
});

/** The file name as sent, without any folder part a client may have included. */
export function fileNameOf(header: string): string {
  let name = header;
  try {
    name = decodeURIComponent(header);
  } catch {
    // Not percent-encoded: take it as it came.
  }
  return (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
}
