import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { citationInputSchema, eventBodySchema, type TumenRecord } from '@domain/records.ts';
import { COUNT_QUALIFIERS, EVENT_TYPES } from '@domain/vocabulary.ts';
import { api } from '../../../api.ts';
import { dateOut, emptyDate, PartialDateField, SelectField, TextField, type DateInput } from '../../../components/fields.tsx';
import { issuesToErrors } from '../../../components/validation.ts';
import type { TextSelection } from '../segments.ts';
import { CitationFields, citationOut, emptyCitation, num, PlacePicker } from './common.tsx';
import { FormShell, type SubmitOutcome } from './shell.tsx';
import type { AnyRecord } from '@domain/api-types.ts';

interface Props {
  sourceId: string;
  selection: TextSelection;
  places: TumenRecord<'place'>[];
  onCancel(): void;
  onCreated(r: AnyRecord): void;
}

export function EventForm({ sourceId, selection, places, onCancel, onCreated }: Props) {
  const { t } = useTranslation();
  const [type, setType] = useState('');
  const [title, setTitle] = useState('');
  const [start, setStart] = useState<DateInput>(emptyDate);
  const [end, setEnd] = useState<DateInput>(emptyDate);
  const [placeId, setPlaceId] = useState('');
  const [count, setCount] = useState('');
  const [countQ, setCountQ] = useState('exact');
  const [description, setDescription] = useState('');
  const [cite, setCite] = useState(emptyCitation);

  const submit = async (): Promise<SubmitOutcome> => {
    const n = num(count);
    const body = { type, title, start: dateOut(start), end: dateOut(end), placeId: placeId || null, count: n === null ? null : { value: n, qualifier: countQ }, description };
    const citation = citationOut(sourceId, selection, cite);
    const b = eventBodySchema.safeParse(body);
    const c = citationInputSchema.safeParse(citation);
    const errors = { ...(b.success ? {} : issuesToErrors(t, b.error.issues, '', body)), ...(c.success ? {} : issuesToErrors(t, c.error.issues, 'citation.')) };
    if (Object.keys(errors).length) return { errors };
    return { created: await api.createRecord({ kind: 'event', body: b.data!, citations: [c.data!] }) };
  };

  return (
    <FormShell title={t('reader.create.event')} onSubmit={submit} onCancel={onCancel} onCreated={onCreated}>
      {(e) => (
        <>
          <SelectField label={t('record.field.eventType')} value={type} onChange={setType} options={EVENT_TYPES} group="event_type" empty={t('common.choose')} error={e.type} required name="type" />
          <TextField label={t('record.field.title')} value={title} onChange={setTitle} error={e.title} name="title" />
          <PartialDateField label={t('record.field.start')} date={start} onChange={setStart} error={e['start.value'] ?? e.start} name="start" />
          <PartialDateField label={t('record.field.end')} date={end} onChange={setEnd} error={e['end.value'] ?? e.end} name="end" />
          <PlacePicker label={t('record.field.place')} places={places} value={placeId} onChange={setPlaceId} error={e.placeId} />
          <div className="inline-fields">
            <TextField label={t('record.field.count')} type="number" value={count} onChange={setCount} error={e['count.value'] ?? e.count} name="count" />
            <SelectField label={t('record.field.countQualifier')} value={countQ} onChange={setCountQ} options={COUNT_QUALIFIERS} group="count_qualifier" />
          </div>
          <TextField label={t('record.field.description')} value={description} onChange={setDescription} multiline error={e.description} name="description" />
          <CitationFields selection={selection} draft={cite} onChange={setCite} />
        </>
      )}
    </FormShell>
  );
}
