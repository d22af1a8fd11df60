import { z } from 'zod';
import {
  citationInputSchema,
  idSchema,
  personProtectedSchema,
  RECORD_BODY_SCHEMAS,
  RECORD_KINDS,
  type RecordKind,
} from '../../../domain/records.ts';
import { RECORD_STATUSES } from '../../../domain/vocabulary.ts';
import { dateBoundsSchema, includeQuerySchema, pageQuerySchema } from '../common.schema.ts';

const recordStatus = z.enum(RECORD_STATUSES);

/** Filters shared by /api/records and the per-kind lists (which fix `kind`). */
const filterShape = {
  status: recordStatus.optional(),
  type: z.string().max(100).optional().describe('event type, installation kind, organisation kind…'),
  placeId: idSchema.optional(),
  parentId: idSchema.optional(),
  metric: z.string().max(500).optional().describe('figures: the metric name'),
  sourceId: idSchema.optional().describe('records citing this source'),
  ...dateBoundsSchema.shape,
  ...pageQuerySchema.shape,
  ...includeQuerySchema.shape,
};

export const recordListQuerySchema = z.object({
  kind: z.enum(RECORD_KINDS as [RecordKind, ...RecordKind[]]).optional(),
  ...filterShape,
});
export const kindListQuerySchema = z.object(filterShape);

/** What creating a record of a known kind takes; `protected` exists for persons only. */
export function recordCreateBodyFor<K extends RecordKind>(kind: K) {
  return z.strictObject({
    body: RECORD_BODY_SCHEMAS[kind] as (typeof RECORD_BODY_SCHEMAS)[K],
    status: recordStatus.optional().describe('default confirmed; software proposals are candidates'),
    protected: kind === 'person' ? personProtectedSchema.nullable().optional() : z.null().optional(),
    citations: z.array(citationInputSchema).max(1_000).optional(),
    compartments: z.array(z.string().max(63)).min(1).max(20).optional().describe('only for a record citing nothing; one that cites sources inherits their compartments'),
  });
}

const variants = RECORD_KINDS.map((kind) => recordCreateBodyFor(kind).extend({ kind: z.literal(kind) }));
export const recordCreateSchema = z.discriminatedUnion(
  'kind',
  variants as unknown as [(typeof variants)[number], ...(typeof variants)[number][]],
);

export const recordPatchSchema = z.strictObject({
  body: z.record(z.string(), z.unknown()).optional().describe('fields to change; the others keep their values'),
  status: recordStatus.optional(),
  protected: z
    .record(z.string(), z.unknown())
    .nullable()
    .optional()
    .describe('persons only; fields to change, or null to clear'),
  expectedVersion: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('refuse with 409 unless the record is still at this version'),
});

export const citationParamsSchema = z.object({ id: idSchema, citationId: idSchema });
export const citationCreateSchema = citationInputSchema;
