import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TumenRecord } from '@domain/records.ts';
import { INFO_CREDIBILITY } from '@domain/vocabulary.ts';
import { Field, SelectField, TextField } from '../../../components/fields.tsx';
import { placeName } from '../../../data.ts';
import type { TextSelection } from '../segments.ts';

export interface CitationDraft {
  credibility: string;
  note: string;
}
export const emptyCitation = (): CitationDraft => ({ credibility: '6', note: '' });

/** The citation a form will attach: the exact quote (fixed) plus the analyst's credibility and note. */
export function CitationFields({ selection, draft, onChange }: { selection: TextSelection; draft: CitationDraft; onChange(d: CitationDraft): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="citation-fields">
      <legend>{t('reader.form.citation')}</legend>
      <blockquote className="quote" data-testid="citation-quote">
        {selection.quote}
      </blockquote>
      <p className="muted small">{t('reader.form.offsets', { start: selection.start, end: selection.end })}</p>
      <SelectField label={t('reader.form.credibility')} value={draft.credibility} onChange={(v) => onChange({ ...draft, credibility: v })} options={INFO_CREDIBILITY} group="credibility" />
      <TextField label={t('reader.form.citationNote')} value={draft.note} onChange={(v) => onChange({ ...draft, note: v })} />
    </fieldset>
  );
}

export function citationOut(sourceId: string, s: TextSelection, d: CitationDraft) {
  return { sourceId, start: s.start, end: s.end, quote: s.quote, note: d.note.trim(), credibility: Number(d.credibility) as 1 | 2 | 3 | 4 | 5 | 6 };
}

/** A place chosen from the gazetteer, narrowed by typing any of its names. */
export function PlacePicker({ label, places, value, onChange, error, required }: { label: string; places: TumenRecord<'place'>[]; value: string; onChange(id: string): void; error?: string | undefined; required?: boolean }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState('');
  const options = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const named = places.map((p) => ({ id: p.id, name: placeName(p, i18n.language), all: [p.body.names.en, p.body.names.ko, p.body.names.zh, ...p.body.aliases].join(' ').toLowerCase() }));
    return named.filter((p) => !q || p.all.includes(q) || p.id === value).sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  }, [places, filter, value, i18n.language]);
  return (
    <div className="place-picker">
      <TextField label={t('reader.form.placeFilter', { field: label })} type="search" value={filter} onChange={setFilter} />
      <Field label={label} error={error} required={required ?? false}>
        {({ id, describedBy, invalid }) => (
          <select id={id} value={value} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t('reader.form.noPlace')}</option>
            {options.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

/** The first number in a selection ("1,047 arrivals" → "1047"), to prefill a figure. */
export function firstNumber(text: string): string {
  const m = /\d[\d,.]*/.exec(text);
  if (!m) return '';
  const n = Number(m[0].replace(/,/g, '').replace(/\.$/, ''));
  return Number.isFinite(n) ? String(n) : '';
}

export const num = (v: string): number | null => (v.trim() === '' ? null : Number(v.replace(/,/g, '')));
