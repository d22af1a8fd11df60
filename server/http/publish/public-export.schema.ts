import { z } from 'zod';
import { DEFAULT_GRID, DEFAULT_K, MIN_GRID } from '../../../app/publish/redaction-rules.ts';

export const publicExportQuerySchema = z.object({
  format: z.enum(['json', 'csv', 'geojson', 'huridocs']).default('json'),
  publishable: z
    .string()
    .trim()
    .min(1, 'name the publishable compartments')
    .max(2_000)
    .transform((s) => s.split(',').map((c) => c.trim()).filter(Boolean))
    .describe('the compartments marked publishable, comma-separated; each must be one the caller can read'),
  grid: z.coerce.number().min(MIN_GRID).max(10).default(DEFAULT_GRID).describe('coordinate grid in degrees; never finer than a place’s precision'),
  k: z.coerce.number().int().min(2).max(1_000).default(DEFAULT_K).describe('aggregated counts under k are suppressed'),
});

export const PUBLIC_TYPES = {
  json: { type: 'application/json; charset=utf-8', ext: 'json' },
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  geojson: { type: 'application/geo+json', ext: 'geojson' },
  huridocs: { type: 'application/json; charset=utf-8', ext: 'huridocs.json' },
} as const;
