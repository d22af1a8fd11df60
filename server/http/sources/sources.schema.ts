import { z } from 'zod';
import { sourceInputSchema, sourcePatchSchema } from '../../../domain/sources.ts';
import { SOURCE_KINDS, SOURCE_RELIABILITY } from '../../../domain/vocabulary.ts';
import { dateBoundsSchema, pageQuerySchema } from '../common.schema.ts';
import { accessFields } from '../presenters/access.presenter.ts';

export const sourceListQuerySchema = z.object({
  kind: z.enum(SOURCE_KINDS).optional(),
  language: z.string().max(35).optional(),
  reliability: z.enum(SOURCE_RELIABILITY).optional(),
  publisher: z.string().max(500).optional(),
  ...dateBoundsSchema.shape,
  ...pageQuerySchema.shape,
});

/** Where the source goes: compartments the caller may write to (default: the `default` compartment). */
export const compartmentsFieldSchema = z.array(z.string().max(63)).min(1).max(20);
export const sourceCreateSchema = sourceInputSchema.extend({ compartments: compartmentsFieldSchema.optional() });

export const sourcePatchBodySchema = z.strictObject({
  ...sourcePatchSchema.shape,
  expectedVersion: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('refuse with 409 unless the source is still at this version'),
});

const publishedSchema = z.object({ value: z.string(), qualifier: z.string() }).nullable();

const sourceMeta = {
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  publisher: z.string(),
  author: z.string(),
  url: z.string(),
  language: z.string(),
  published: publishedSchema,
  retrievedAt: z.string().nullable(),
  reliability: z.string().nullable(),
  sha256: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  deletedAt: z.string().nullable(),
  ...accessFields,
};

export const sourceSchema = z.object({ ...sourceMeta, text: z.string() });
export const sourceSummarySchema = z.object({ ...sourceMeta, textLength: z.number().int() });
