import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyRecord } from '@domain/api-types.ts';
import { citationInputSchema, figureBodySchema, type TumenRecord } from '@domain/records.ts';
import { FIGURE_QUALIFIERS } from '@domain/vocabulary.ts';
import { api } from '../../../api.ts';
import { dateOut, emptyDate, Field, PartialDateField, SelectField, TextField, type DateInput } from '../../../components/fields.tsx';
import { issuesToErrors } from '../../../components/validation.ts';
import { ARRIVALS_METRIC } from '../../../data.ts';
import type { TextSelection } from '../segments.ts';
import { CitationFields, citationOut, emptyCitation, firstNumber, num, PlacePicker } from './common.tsx';
import { FormShell, type SubmitOutcome } from './shell.tsx';

interface Props {
  sourceId: string;
  selection: TextSelection;
  places: TumenRecord<'place'>[];
  metrics: string[];
  onCancel(): void;
  onCreated(r: AnyRecord): void;
}

export function FigureForm({ sourceId, selection, places, metrics, onCancel, onCreated }: Props) {
  const { t } = useTranslation();
  const [metric, setMetric] = useState('');
  const [value, setValue] = useState(() => firstNumber(selection.quote));
  const [valueMax, setValueMax] = useState('');
  const [unit, setUnit] = useState('persons');
  const [start, setStart] = useState<DateInput>(emptyDate);
  const [end, setEnd] = useState<DateInput>(emptyDate);
  const [qualifier, setQualifier] = useState('exact');
  const [placeId, setPlaceId] = useState('');
  const [note, setNote] = useState('');
  const [cite, setCite] = useState(emptyCitation);
  const suggestions = [...new Set([ARRIVALS_METRIC, ...metrics])];

  const submit = async (): Promise<SubmitOutcome> => {
    const s = dateOut(start);
    const e = dateOut(end);
    const body = { metric, value: num(value), valueMax: num(valueMax), unit, period: s || e ? { start: s, end: e ?? s } : null, qualifier, placeId: placeId || null, note };
    const citation = citationOut(sourceId, selection, cite);
    const b = figureBodySchema.safeParse(body);
    const c = citationInputSchema.safeParse(citation);
    const errors = { ...(b.success ? {} : issuesToErrors(t, b.error.issues, '', body)), ...(c.success ? {} : issuesToErrors(t, c.error.issues, 'citation.')) };
    if (Object.keys(errors).length) return { errors };
    return { created: await api.createRecord({ kind: 'figure', body: b.data!, citations: [c.data!] }) };
  };

  return (
    <FormShell title={t('reader.create.figure')} onSubmit={submit} onCancel={onCancel} onCreated={onCreated}>
      {(e) => (
        <>
          <Field label={t('record.field.metric')} error={e.metric} required>
            {({ id, describedBy, invalid }) => (
              <>
                <input id={id} name="metric" list="metric-suggestions" value={metric} aria-invalid={invalid} aria-describedby={describedBy} aria-required onChange={(ev) => setMetric(ev.target.value)} />
                <datalist id="metric-suggestions">
                  {suggestions.map((m) => (
                    <option key={m} value={m} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <div className="inline-fields">
            <TextField label={t('record.field.value')} type="number" value={value} onChange={setValue} error={e.value} required name="value" />
            <TextField label={t('record.field.valueMax')} type="number" value={valueMax} onChange={setValueMax} error={e.valueMax} name="valueMax" />
          </div>
          <TextField label={t('record.field.unit')} value={unit} onChange={setUnit} error={e.unit} hint={t('record.field.unitHint')} />
          <SelectField label={t('record.field.qualifier')} value={qualifier} onChange={setQualifier} options={FIGURE_QUALIFIERS} group="figure_qualifier" />
          <PartialDateField label={t('record.field.periodStart')} date={start} onChange={setStart} error={e['period.start.value'] ?? e['period.start'] ?? e.period} name="periodStart" />
          <PartialDateField label={t('record.field.periodEnd')} date={end} onChange={setEnd} error={e['period.end.value'] ?? e['period.end']} name="periodEnd" />
          <PlacePicker label={t('record.field.place')} places={places} value={placeId} onChange={setPlaceId} />
          <TextField label={t('record.field.note')} value={note} onChange={setNote} multiline error={e.note} />
          <CitationFields selection={selection} draft={cite} onChange={setCite} />
        </>
      )}
    </FormShell>
  );
}
