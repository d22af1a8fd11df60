import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyRecord } from '@domain/api-types.ts';
import { useFormat } from '../i18n/format.ts';
import { BODY_FIELDS, getPath } from './body-fields.ts';
import { RecordRef } from './RecordRef.tsx';
import { vocab } from './vocab.ts';

const REFS: Array<[string, string]> = [
  ['placeId', 'place'],
  ['parentId', 'parentPlace'],
  ['installationId', 'installation'],
  ['eventId', 'event'],
  ['actorId', 'actor'],
  ['caseId', 'case'],
  ['personId', 'person'],
];

/** A record's body as a definition list: vocabulary translated, dates and numbers per locale. */
export function RecordFields({ record }: { record: AnyRecord }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows: Array<[string, ReactNode]> = [];
  for (const spec of BODY_FIELDS[record.kind]) {
    const v = getPath(record.body, spec.path);
    if (v === null || v === undefined || v === '') continue;
    let shown: ReactNode;
    if (spec.type === 'date') shown = f.partialDate(v as { value: string; qualifier: 'exact' });
    else if (spec.type === 'select' && spec.group) shown = vocab(t, spec.group, v as string);
    else if (spec.type === 'number') shown = f.number(v as number);
    else shown = String(v);
    rows.push([t(`record.field.${spec.label}`), shown]);
  }
  if (record.kind === 'event' && record.body.count) {
    rows.push([t('record.field.count'), `${vocab(t, 'count_qualifier', record.body.count.qualifier)} ${f.number(record.body.count.value)}`]);
  }
  const body = record.body as Record<string, unknown>;
  for (const [key, label] of REFS) {
    const id = body[key];
    if (typeof id === 'string') rows.push([t(`record.field.${label}`), <RecordRef id={id} />]);
  }
  rows.push([t('record.field.status'), vocab(t, 'record_status', record.status)]);
  return (
    <dl className="fields">
      {rows.map(([label, value], i) => (
        <div key={i}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
