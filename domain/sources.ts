import { z } from 'zod';
import { partialDateSchema, type PartialDate } from './partial-date.ts';
import { SOURCE_KINDS, SOURCE_RELIABILITY } from './vocabulary.ts';

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');

/** BCP 47, loosely: "en", "ko", "zh-Hans", "und" when unknown. */
export const languageTagSchema = z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'expected a BCP 47 tag');

export const sourceInputSchema = z.object({
  kind: z.enum(SOURCE_KINDS).default('other'),
  title: z.string().trim().min(1, 'required').max(1_000),
  publisher: z.string().trim().max(500).default(''),
  author: z.string().trim().max(500).default(''),
  url: z.string().trim().max(4_000).default(''),
  language: languageTagSchema.default('und'),
  published: partialDateSchema.nullable().default(null),
  retrievedAt: z.string().datetime().nullable().default(null),
  text: z.string().max(20_000_000),
  reliability: z.enum(SOURCE_RELIABILITY).nullable().default(null),
});
export type SourceInput = z.infer<typeof sourceInputSchema>;

/** Every field optional and none defaulted: a patch changes only what it names. */
export const sourcePatchSchema = z.object({
  kind: z.enum(SOURCE_KINDS).optional(),
  title: z.string().trim().min(1, 'required').max(1_000).optional(),
  publisher: z.string().trim().max(500).optional(),
  author: z.string().trim().max(500).optional(),
  url: z.string().trim().max(4_000).optional(),
  language: languageTagSchema.optional(),
  published: partialDateSchema.nullable().optional(),
  retrievedAt: z.string().datetime().nullable().optional(),
  reliability: z.enum(SOURCE_RELIABILITY).nullable().optional(),
});
export type SourcePatch = z.infer<typeof sourcePatchSchema>;

export interface Source extends SourceInput {
  id: string;
  /** SHA-256 of the original bytes (the imported file), or of the UTF-8 text when typed in. */
  sha256: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  deletedAt: string | null;
}

export type SourceSummary = Omit<Source, 'text'> & { textLength: number };

export interface EvidenceFile {
  id: string;
  sourceId: string;
  sha256: string;
  mediaType: string;
  size: number;
  originalName: string;
  createdAt: string;
  createdBy: string;
}

export function publishedLabel(p: PartialDate | null): string {
  return p ? p.value : '';
}
