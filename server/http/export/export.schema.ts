import { z } from 'zod';
import type { ExportFormat } from '../../../app/commands/exporter.ts';

export const exportQuerySchema = z.object({
  format: z.enum(['json', 'csv', 'geojson']).default('json'),
  include: z.enum(['protected']).optional().describe('JSON only: add protected person fields (a full backup)'),
  blobs: z
    .enum(['true', 'false'])
    .default('true')
    .describe('JSON only: embed evidence bytes (base64) so the export restores them'),
});

export const EXPORT_TYPES: Record<ExportFormat, { type: string; ext: string }> = {
  json: { type: 'application/json; charset=utf-8', ext: 'json' },
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  geojson: { type: 'application/geo+json; charset=utf-8', ext: 'geojson' },
};
