import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyRecord } from '@domain/api-types.ts';
import { citationInputSchema, installationBodySchema, observationBodySchema, type TumenRecord } from '@domain/records.ts';
import { INSTALLATION_KINDS, OBSERVATION_ACTIONS } from '@domain/vocabulary.ts';
import { api } from '../../../api.ts';
import { useRecordTitle } from '../../../components/record-title.ts';
import { dateOut, emptyDate, PartialDateField, SelectField, TextField, type DateInput, type FieldErrors } from '../../../components/fields.tsx';
import { issuesToErrors } from '../../../components/validation.ts';
import type { TextSelection } from '../segments.ts';
import { CitationFields, citationOut, emptyCitation, PlacePicker } from './common.tsx';
import { FormShell, type SubmitOutcome } from './shell.tsx';

interface Props {
  sourceId: string;
  selection: TextSelection;
  places: TumenRecord<'place'>[];
  installations: TumenRecord<'installation'>[];
  onCancel(): void;
  onCreated(r: AnyRecord): void;
}

const NEW = '__new';

/** An observation of an installation (built, upgraded, seen, removed), of a known one or a new one. */
export function ObservationForm({ sourceId, selection, places, installations, onCancel, onCreated }: Props) {
  const { t } = useTranslation();
  const title = useRecordTitle();
  const [installationId, setInstallationId] = useState(installations.length ? '' : NEW);
  const [kind, setKind] = useState('');
  const [label, setLabel] = useState('');
  const [segment, setSegment] = useState('');
  const [placeId, setPlaceId] = useState('');
  const [action, setAction] = useState('');
  const [date, setDate] = useState<DateInput>(emptyDate);
  const [note, setNote] = useState('');
  const [cite, setCite] = useState(emptyCitation);
  const creating = installationId === NEW;

  const submit = async (): Promise<SubmitOutcome> => {
    const citation = citationOut(sourceId, selection, cite);
    const c = citationInputSchema.safeParse(citation);
    const inst = creating ? installationBodySchema.safeParse({ kind, label, segment, placeId: placeId || null }) : null;
    // The installation id is checked once the installation exists; a placeholder keeps the other checks running.
    const obs = observationBodySchema.safeParse({ installationId: creating ? '00000000-0000-4000-8000-000000000000' : installationId, action, date: dateOut(date), note });
    const errors: FieldErrors = {};
    if (!obs.success) Object.assign(errors, issuesToErrors(t, obs.error.issues, '', { action, date: dateOut(date), note }));
    if (!installationId) errors.installationId = t('form.required');
    if (inst && !inst.success) Object.assign(errors, prefixKeys(issuesToErrors(t, inst.error.issues, '', { kind, label, segment }), 'inst.'));
    if (!c.success) Object.assign(errors, issuesToErrors(t, c.error.issues, 'citation.'));
    if (Object.keys(errors).length) return { errors };
    let target = installationId;
    if (creating) {
      const created = await api.createRecord({ kind: 'installation', body: inst!.data!, citations: [c.data!] });
      target = created.id;
    }
    return { created: await api.createRecord({ kind: 'observation', body: { ...obs.data!, installationId: target }, citations: [c.data!] }) };
  };

  return (
    <FormShell title={t('reader.create.observation')} onSubmit={submit} onCancel={onCancel} onCreated={onCreated}>
      {(e) => (
        <>
          <SelectField
            label={t('record.field.installation')}
            value={installationId}
            onChange={setInstallationId}
            options={[...installations.map((i) => i.id), NEW]}
            labels={{ ...Object.fromEntries(installations.map((i) => [i.id, title(i)])), [NEW]: t('reader.form.newInstallation') }}
            empty={t('common.choose')}
            error={e.installationId}
            required
          />
          {creating && (
            <fieldset>
              <legend>{t('reader.form.newInstallation')}</legend>
              <SelectField label={t('record.field.installationKind')} value={kind} onChange={setKind} options={INSTALLATION_KINDS} group="installation_kind" empty={t('common.choose')} error={e['inst.kind']} required name="kind" />
              <TextField label={t('record.field.label')} value={label} onChange={setLabel} error={e['inst.label']} />
              <TextField label={t('record.field.segment')} value={segment} onChange={setSegment} hint={t('record.field.segmentHint')} error={e['inst.segment']} />
              <PlacePicker label={t('record.field.place')} places={places} value={placeId} onChange={setPlaceId} />
            </fieldset>
          )}
          <SelectField label={t('record.field.action')} value={action} onChange={setAction} options={OBSERVATION_ACTIONS} group="observation_action" empty={t('common.choose')} error={e.action} required name="action" />
          <PartialDateField label={t('record.field.date')} date={date} onChange={setDate} error={e['date.value'] ?? e.date} name="date" />
          <TextField label={t('record.field.note')} value={note} onChange={setNote} multiline error={e.note} />
          <CitationFields selection={selection} draft={cite} onChange={setCite} />
        </>
      )}
    </FormShell>
  );
}

function prefixKeys(o: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [`${prefix}${k}`, v]));
}
