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
