import type { TFunction } from 'i18next';

export type VocabGroup =
  | 'source_kind'
  | 'reliability'
  | 'credibility'
  | 'event_type'
  | 'installation_kind'
  | 'observation_action'
  | 'organization_kind'
  | 'place_kind'
  | 'precision'
  | 'count_qualifier'
  | 'figure_qualifier'
  | 'role'
  | 'case_status'
  | 'case_risk'
  | 'consent_giver'
  | 'record_status'
  | 'record_kind'
  | 'sex'
  | 'date_qualifier'
  | 'language';

/** The label of a controlled-vocabulary value; an unknown value shows as itself. */
export function vocab(t: TFunction, group: VocabGroup, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return t(`vocab.${group}.${value}`, { defaultValue: String(value) });
}
