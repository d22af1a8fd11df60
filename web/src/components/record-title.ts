import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyRecord } from '@domain/api-types.ts';
import { recordLabel } from '@domain/record-text.ts';
import { placeName } from '../data.ts';
import { useFormat } from '../i18n/format.ts';
import { vocab } from './vocab.ts';

/** A record's one-line name in the reader's language (the domain's label is English-only). */
export function useRecordTitle(): (r: AnyRecord) => string {
  const { t } = useTranslation();
  const f = useFormat();
  return useCallback(
    (r: AnyRecord) => {
      switch (r.kind) {
        case 'event':
          return r.body.title || `${vocab(t, 'event_type', r.body.type)} · ${f.partialDate(r.body.start)}`;
        case 'installation':
          return r.body.label || vocab(t, 'installation_kind', r.body.kind);
        case 'observation':
          return `${vocab(t, 'observation_action', r.body.action)} · ${f.partialDate(r.body.date)}`;
        case 'place':
          return placeName(r, f.lng) || t('record.unnamedPlace');
        case 'figure': {
          const value = r.body.valueMax != null ? `${f.number(r.body.value)}–${f.number(r.body.valueMax)}` : f.number(r.body.value);
          return `${r.body.metric}: ${value} ${r.body.unit === 'persons' ? t('units.persons') : r.body.unit}`;
        }
        case 'case_status':
          return `${vocab(t, 'case_status', r.body.status)} · ${f.partialDate(r.body.date)}`;
        case 'involvement':
          return vocab(t, 'role', r.body.role);
        case 'case_consent':
          return `${vocab(t, 'record_kind', 'case_consent')} · ${f.partialDate(r.body.date)}`;
        case 'person':
        case 'organization':
        case 'case':
          return recordLabel(r.kind, r.body);
      }
    },
    [t, f],
  );
}
