import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_QUALIFIERS } from '@domain/partial-date.ts';
import { vocab, type VocabGroup } from './vocab.ts';

export type FieldErrors = Record<string, string>;

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** Label, control, hint and inline error, wired together for screen readers. */
export function Field({ label, error, hint, required, children }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required"> {t('form.requiredMark')}</span>}
      </label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface TextProps {
  label: string;
  value: string;
  onChange(v: string): void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  multiline?: boolean;
  type?: 'text' | 'number' | 'search' | 'password';
  name?: string;
  autoFocus?: boolean;
  autoComplete?: string;
}

export function TextField({ label, value, onChange, error, hint, required, multiline, type = 'text', name, autoFocus, autoComplete }: TextProps) {
  return (
    <Field label={label} error={error} hint={hint} required={required ?? false}>
      {({ id, describedBy, invalid }) =>
        multiline ? (
          <textarea id={id} name={name} value={value} rows={4} aria-invalid={invalid} aria-describedby={describedBy} aria-required={required} onChange={(e) => onChange(e.target.value)} autoFocus={autoFocus} />
        ) : (
          <input id={id} name={name} type={type} inputMode={type === 'number' ? 'decimal' : undefined} autoComplete={autoComplete} value={value} aria-invalid={invalid} aria-describedby={describedBy} aria-required={required} onChange={(e) => onChange(e.target.value)} autoFocus={autoFocus} />
        )
      }
    </Field>
  );
}

interface SelectProps {
  label: string;
  value: string;
  onChange(v: string): void;
  options: readonly (string | number)[];
  group?: VocabGroup;
  labels?: Record<string, string>;
  empty?: string;
  error?: string | undefined;
  required?: boolean;
  name?: string;
}

export function SelectField({ label, value, onChange, options, group, labels, empty, error, required, name }: SelectProps) {
  const { t } = useTranslation();
  return (
    <Field label={label} error={error} required={required ?? false}>
      {({ id, describedBy, invalid }) => (
        <select id={id} name={name} value={value} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
          {empty !== undefined && <option value="">{empty}</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {labels?.[String(o)] ?? (group ? vocab(t, group, o) : String(o))}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export interface DateInput {
  value: string;
  qualifier: string;
}
export const emptyDate = (): DateInput => ({ value: '', qualifier: 'exact' });

/** A partial date: YYYY, YYYY-MM or YYYY-MM-DD, and whether it is exact, approximate, before or after. */
export function PartialDateField({ label, date, onChange, error, name }: { label: string; date: DateInput; onChange(d: DateInput): void; error?: string | undefined; name?: string }) {
  const { t } = useTranslation();
  return (
    <Field label={label} error={error} hint={t('form.dateHint')}>
      {({ id, describedBy, invalid }) => (
        <div className="date-input">
          <input id={id} name={name} value={date.value} placeholder={t('form.datePlaceholder')} inputMode="numeric" aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange({ ...date, value: e.target.value })} />
          <select aria-label={t('form.dateQualifier', { field: label })} value={date.qualifier} onChange={(e) => onChange({ ...date, qualifier: e.target.value })}>
            {DATE_QUALIFIERS.map((q) => (
              <option key={q} value={q}>
                {vocab(t, 'date_qualifier', q)}
              </option>
            ))}
          </select>
        </div>
      )}
    </Field>
  );
}

export const dateOut = (d: DateInput) => (d.value.trim() ? { value: d.value.trim(), qualifier: d.qualifier } : null);
export const dateIn = (d: { value: string; qualifier: string } | null | undefined): DateInput => (d ? { value: d.value, qualifier: d.qualifier } : emptyDate());
