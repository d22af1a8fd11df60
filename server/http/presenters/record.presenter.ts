import type { TumenRecord } from '../../../domain/records.ts';

/**
 * A record as the API shows it. Writes read the record back with its protected fields (the
 * store needs them to merge and audit), so the response drops them unless they were asked for.
 */
export function presentRecord(record: TumenRecord, includeProtected: boolean): TumenRecord {
  if (includeProtected || !('protected' in record)) return record;
  const { protected: _dropped, ...rest } = record;
  return rest;
}
