import { z } from 'zod';
import { idSchema } from '../../domain/records.ts';
import { ISO_PREFIX, isValidIsoPrefix, span } from '../../domain/partial-date.ts';
import { decodeCursor } from '../../store/support.ts';
import { accessFields } from './presenters/access.presenter.ts';

export const idParamsSchema = z.object({ id: idSchema });

/** Opaque cursor from a previous page's `nextCursor`; a garbled one is refused, not silently restarted. */
const cursorSchema = z
  .string()
  .max(200)
  .refine((c) => c === '' || decodeCursor(c) !== null, 'not a cursor from a previous page')
  .optional()
  .describe('nextCursor of the previous page');

export const pageQuerySchema = z.object({
  cursor: cursorSchema,
  limit: z.coerce.number().int().min(1).max(500).optional().describe('page size, 1–500 (default 50)'),
});

const isoPrefix = z
  .string()
  .regex(ISO_PREFIX, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isValidIsoPrefix, 'no such calendar day');

/** "from=2023" means from the first day of 2023, "to=2023" up to its last day. */
export const dateBoundsSchema = z.object({
  from: isoPrefix
    .transform((v) => span(v).lo)
    .optional()
    .describe('inclusive: YYYY, YYYY-MM or YYYY-MM-DD'),
  to: isoPrefix
    .transform((v) => span(v).hi)
    .optional()
    .describe('inclusive: YYYY, YYYY-MM or YYYY-MM-DD'),
});

export const includeQuerySchema = z.object({
  include: z.enum(['protected']).optional().describe('"protected" adds protected person fields'),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const citationSchema = z.object({
  id: z.string(),
  recordId: z.string(),
  sourceId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  note: z.string(),
  credibility: z.number().int(),
  rule: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const recordSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  deletedAt: z.string().nullable(),
  // Loose on purpose: a schema change to one kind must not make old records unreadable.
  body: z
    .record(z.string(), z.unknown())
    .describe('shape depends on kind: see the request bodies of POST /api/records'),
  protected: z.record(z.string(), z.unknown()).nullable().optional().describe('persons only, with ?include=protected'),
  citations: z.array(citationSchema),
  ...accessFields,
});

/** 204 answers: no body. */
export const noContent = z.null().describe('no content');
