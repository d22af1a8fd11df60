import { z } from 'zod';
import { idSchema, RECORD_KINDS } from '../../../domain/records.ts';
import { pageQuerySchema } from '../common.schema.ts';

export const candidateListQuerySchema = z.object({
  sourceId: idSchema.optional().describe('only candidates citing this source'),
  kind: z.enum(RECORD_KINDS as [string, ...string[]]).optional(),
  ...pageQuerySchema.shape,
});

export const confirmBodySchema = z
  .object({ body: z.record(z.string(), z.unknown()).optional().describe('edited body to confirm instead of the proposed one') })
  .default({});

export const mergeBodySchema = z.object({ from: idSchema, into: idSchema });

export const batchBodySchema = z.object({
  ids: z.array(idSchema).min(1).max(1000),
  action: z.enum(['confirm', 'reject']),
});

export const reviewOutcomeSchema = z.object({
  id: z.string(),
  action: z.enum(['confirm', 'reject', 'merge']),
  recordId: z.string(),
});
