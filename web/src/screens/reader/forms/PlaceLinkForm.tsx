import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyRecord } from '@domain/api-types.ts';
import { citationInputSchema, placeBodySchema, type TumenRecord } from '@domain/records.ts';
import { GEO_PRECISIONS, PLACE_KINDS } from '@domain/vocabulary.ts';
import { api } from '../../../api.ts';
import { SelectField, TextField, type FieldErrors } from '../../../components/fields.tsx';
import { issuesToErrors } from '../../../components/validation.ts';
import type { TextSelection } from '../segments.ts';
import { CitationFields, citationOut, emptyCitation, num, PlacePicker } from './common.tsx';
import { FormShell, type SubmitOutcome } from './shell.tsx';

interface Props {
  sourceId: string;
  selection: TextSelection;
  places: TumenRecord<'place'>[];
  onCancel(): void;
  onCreated(r: AnyRecord): void;
}

/** Which name field a selected name belongs in, by its script. */
function scriptOf(text: string): 'ko' | 'zh' | 'en' {
  if (/[\uac00-\ud7af\u1100-\u11ff]/.test(text)) return 'ko';
  if (/[\u4e00-\u9fff]/.test(text)) return 'zh';
  return 'en';
}

/** Ties the passage to a place: a citation on a known place, or a new place named by the selection. */
export function PlaceLinkForm({ sourceId, selection, places, onCancel, onCreated }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [placeId, setPlaceId] = useState('');
  const script = scriptOf(selection.quote);
  const [names, setNames] = useState({ en: script === 'en' ? selection.quote.slice(0, 200) : '', ko: script === 'ko' ? selection.quote.slice(0, 200) : '', zh: script === 'zh' ? selection.quote.slice(0, 200) : '' });
  const [kind, setKind] = useState('other');
  const [precision, setPrecision] = useState('unknown');
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [cite, setCite] = useState(emptyCitation);

  const submit = async (): Promise<SubmitOutcome> => {
    const citation = citationOut(sourceId, selection, cite);
    const c = citationInputSchema.safeParse(citation);
    const errors: FieldErrors = c.success ? {} : issuesToErrors(t, c.error.issues, 'citation.');
    if (mode === 'existing') {
      if (!placeId) errors.placeId = t('form.required');
      if (Object.keys(errors).length) return { errors };
      await api.addCitation(placeId, c.data!);
      return { created: await api.getRecord(placeId) };
    }
    const la = num(lat);
    const lo = num(lon);
    if ((la === null) !== (lo === null)) errors[la === null ? 'lat' : 'lon'] = t('reader.form.bothCoordinates');
    const body = { names, kind, precision, geometry: la !== null && lo !== null ? { type: 'Point' as const, coordinates: [lo, la] } : null };
    const b = placeBodySchema.safeParse(body);
    if (!b.success) {
      for (const [k, v] of Object.entries(issuesToErrors(t, b.error.issues, '', body))) errors[k.startsWith('geometry.coordinates.0') ? 'lon' : k.startsWith('geometry.coordinates.1') ? 'lat' : k] = v;
    }
    if (!names.en.trim() && !names.ko.trim() && !names.zh.trim()) errors['names.en'] = t('reader.form.oneName');
    if (Object.keys(errors).length) return { errors };
    return { created: await api.createRecord({ kind: 'place', body: b.data!, citations: [c.data!] }) };
  };

  return (
    <FormShell title={t('reader.create.place')} onSubmit={submit} onCancel={onCancel} onCreated={onCreated}>
      {(e) => (
        <>
          <fieldset className="radio-row">
            <legend>{t('reader.form.placeMode')}</legend>
            <label>
              <input type="radio" name="place-mode" checked={mode === 'existing'} onChange={() => setMode('existing')} /> {t('reader.form.existingPlace')}
            </label>
            <label>
              <input type="radio" name="place-mode" checked={mode === 'new'} onChange={() => setMode('new')} /> {t('reader.form.newPlace')}
            </label>
          </fieldset>
          {mode === 'existing' ? (
            <PlacePicker label={t('record.field.place')} places={places} value={placeId} onChange={setPlaceId} error={e.placeId} required />
          ) : (
            <>
              <TextField label={t('record.field.nameEn')} value={names.en} onChange={(v) => setNames({ ...names, en: v })} error={e['names.en']} />
              <TextField label={t('record.field.nameKo')} value={names.ko} onChange={(v) => setNames({ ...names, ko: v })} error={e['names.ko']} />
              <TextField label={t('record.field.nameZh')} value={names.zh} onChange={(v) => setNames({ ...names, zh: v })} error={e['names.zh']} />
              <SelectField label={t('record.field.placeKind')} value={kind} onChange={setKind} options={PLACE_KINDS} group="place_kind" />
              <SelectField label={t('record.field.precision')} value={precision} onChange={setPrecision} options={GEO_PRECISIONS} group="precision" />
              <div className="inline-fields">
                <TextField label={t('record.field.lat')} type="number" value={lat} onChange={setLat} error={e.lat} />
                <TextField label={t('record.field.lon')} type="number" value={lon} onChange={setLon} error={e.lon} />
              </div>
            </>
          )}
          <CitationFields selection={selection} draft={cite} onChange={setCite} />
        </>
      )}
    </FormShell>
  );
}
