import { z } from 'zod';

export const auditQuerySchema = z.object({
  afterSeq: z.coerce.number().int().min(0).default(0).describe('entries after this sequence number'),
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
});

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityKind: z.string(),
  entityId: z.string(),
  stateHash: z.string().describe('SHA-256 of the canonical JSON of the state after the write'),
  detail: z.record(z.string(), z.unknown()),
});

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  nextAfterSeq: z.number().int().nullable().describe('pass as afterSeq for the next page; null at the end'),
});
