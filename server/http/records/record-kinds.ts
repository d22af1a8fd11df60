import type { RecordKind } from '../../../domain/records.ts';

/**
 * The friendly path of each record kind (`/api/case-statuses` lists case_status records).
 * A Record over RecordKind, so a new kind cannot ship without its route.
 */
export const KIND_PATHS: Record<RecordKind, string> = {
  person: 'persons',
  organization: 'organizations',
  place: 'places',
  event: 'events',
  installation: 'installations',
  observation: 'observations',
  figure: 'figures',
  case: 'cases',
  case_status: 'case-statuses',
  case_consent: 'case-consents',
  involvement: 'involvements',
};
