import type { RecordKind } from '@domain/records.ts';
import {
  CASE_RISKS,
  CASE_STATUSES,
  CONSENT_GIVERS,
  EVENT_TYPES,
  FIGURE_QUALIFIERS,
  GEO_PRECISIONS,
  INSTALLATION_KINDS,
  INVOLVEMENT_ROLES,
  OBSERVATION_ACTIONS,
  ORGANIZATION_KINDS,
  PLACE_KINDS,
} from '@domain/vocabulary.ts';
import type { VocabGroup } from './vocab.ts';

export interface FieldSpec {
  path: string;
  /** i18n key under record.field. */
  label: string;
  type: 'text' | 'multiline' | 'number' | 'date' | 'select';
  options?: readonly string[];
  group?: VocabGroup;
  required?: boolean;
}

const sel = (path: string, label: string, options: readonly string[], group: VocabGroup, required = false): FieldSpec => ({ path, label, type: 'select', options, group, required });

/** The fields an analyst edits per kind; the rest of a body (geometry, ids) is kept as it is. */
export const BODY_FIELDS: Record<RecordKind, FieldSpec[]> = {
  event: [
    sel('type', 'eventType', EVENT_TYPES, 'event_type', true),
    { path: 'title', label: 'title', type: 'text' },
    { path: 'start', label: 'start', type: 'date' },
    { path: 'end', label: 'end', type: 'date' },
    { path: 'description', label: 'description', type: 'multiline' },
  ],
  installation: [
    sel('kind', 'installationKind', INSTALLATION_KINDS, 'installation_kind', true),
    { path: 'label', label: 'label', type: 'text' },
    { path: 'segment', label: 'segment', type: 'text' },
    { path: 'description', label: 'description', type: 'multiline' },
  ],
  observation: [sel('action', 'action', OBSERVATION_ACTIONS, 'observation_action', true), { path: 'date', label: 'date', type: 'date' }, { path: 'note', label: 'note', type: 'multiline' }],
  figure: [
    { path: 'metric', label: 'metric', type: 'text', required: true },
    { path: 'value', label: 'value', type: 'number', required: true },
    { path: 'valueMax', label: 'valueMax', type: 'number' },
    { path: 'unit', label: 'unit', type: 'text', required: true },
    sel('qualifier', 'qualifier', FIGURE_QUALIFIERS, 'figure_qualifier'),
    { path: 'period.start', label: 'periodStart', type: 'date' },
    { path: 'period.end', label: 'periodEnd', type: 'date' },
    { path: 'note', label: 'note', type: 'multiline' },
  ],
  place: [
    { path: 'names.en', label: 'nameEn', type: 'text' },
    { path: 'names.ko', label: 'nameKo', type: 'text' },
    { path: 'names.zh', label: 'nameZh', type: 'text' },
    sel('kind', 'placeKind', PLACE_KINDS, 'place_kind'),
    sel('precision', 'precision', GEO_PRECISIONS, 'precision'),
  ],
  person: [{ path: 'pseudonym', label: 'pseudonym', type: 'text', required: true }, sel('sex', 'sex', ['female', 'male', 'unknown'], 'sex'), { path: 'ageGroup', label: 'ageGroup', type: 'text' }, { path: 'notes', label: 'notes', type: 'multiline' }],
  organization: [{ path: 'name', label: 'name', type: 'text', required: true }, { path: 'acronym', label: 'acronym', type: 'text' }, sel('kind', 'organizationKind', ORGANIZATION_KINDS, 'organization_kind')],
  case: [{ path: 'label', label: 'label', type: 'text', required: true }, sel('risk', 'risk', CASE_RISKS, 'case_risk'), { path: 'summary', label: 'summary', type: 'multiline' }],
  case_status: [sel('status', 'caseStatus', CASE_STATUSES, 'case_status', true), { path: 'date', label: 'date', type: 'date' }, { path: 'note', label: 'note', type: 'multiline' }],
  case_consent: [
    sel('givenBy', 'givenBy', CONSENT_GIVERS, 'consent_giver', true),
    { path: 'through', label: 'through', type: 'text' },
    { path: 'date', label: 'date', type: 'date' },
    { path: 'expires', label: 'expires', type: 'date' },
    { path: 'note', label: 'note', type: 'multiline' },
  ],
  involvement: [sel('role', 'role', INVOLVEMENT_ROLES, 'role', true), { path: 'degree', label: 'degree', type: 'text' }],
};

export function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

export function setPath(obj: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (!head) return obj;
  if (rest.length === 0) return { ...obj, [head]: value };
  const inner = (obj[head] && typeof obj[head] === 'object' ? obj[head] : {}) as Record<string, unknown>;
  return { ...obj, [head]: setPath(inner, rest.join('.'), value) };
}
