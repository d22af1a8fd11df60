import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyRecord } from '@domain/api-types.ts';
import { RECORD_BODY_SCHEMAS } from '@domain/records.ts';
import { BODY_FIELDS, getPath, setPath } from './body-fields.ts';
import { dateIn, dateOut, PartialDateField, SelectField, TextField, type DateInput, type FieldErrors } from './fields.tsx';
import { ErrorNote } from './status.tsx';
import { issuesToErrors } from './validation.ts';

type Values = Record<string, string | DateInput>;

function initial(record: AnyRecord): Values {
  const out: Values = {};
  for (const f of BODY_FIELDS[record.kind]) {
    const v = getPath(record.body, f.path);
    out[f.path] = f.type === 'date' ? dateIn(v as DateInput | null) : v === null || v === undefined ? '' : String(v);
  }
  return out;
}

/**
 * Edits the analyst-facing fields of any record body, checked against the domain schema of its
 * kind before anything is sent; on any error every typed value stays where it was.
 */
export function BodyEditor({ record, onSave, onCancel, saveLabel }: { record: AnyRecord; onSave(body: Record<string, unknown>): Promise<void>; onCancel(): void; saveLabel?: string }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => initial(record));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const specs = BODY_FIELDS[record.kind];
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let body = { ...(record.body as Record<string, unknown>) };
    for (const f of specs) {
      const v = values[f.path]!;
      const out = f.type === 'date' ? dateOut(v as DateInput) : f.type === 'number' ? ((v as string).trim() === '' ? null : Number((v as string).replace(/,/g, ''))) : v;
      body = setPath(body, f.path, out);
    }
    if (record.kind === 'figure' && body.period && typeof body.period === 'object') {
      const p = body.period as { start: unknown; end: unknown };
      if (!p.start && !p.end) body.period = null;
    }
    const parsed = RECORD_BODY_SCHEMAS[record.kind].safeParse(body);
    if (!parsed.success) {
      const errs = issuesToErrors(t, parsed.error.issues, '', body);
      setErrors(errs);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.body-editor [aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setBusy(true);
    setServerError(null);
    try {
      await onSave(parsed.data as Record<string, unknown>);
    } catch (err) {
      setServerError(err);
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (path: string) => errors[path] ?? errors[`${path}.value`];
  return (
    <form ref={formRef} className="body-editor record-form" onSubmit={(e) => void submit(e)} noValidate>
      {Object.keys(errors).length > 0 && (
        <p className="form-error" role="alert">
          {t('form.fixErrors', { count: Object.keys(errors).length })}
        </p>
      )}
      {specs.map((f) => {
        const label = t(`record.field.${f.label}`);
        const v = values[f.path]!;
        const set = (nv: string | DateInput) => setValues((s) => ({ ...s, [f.path]: nv }));
        if (f.type === 'date') return <PartialDateField key={f.path} label={label} date={v as DateInput} onChange={set} error={errorFor(f.path)} name={f.path} />;
        if (f.type === 'select') return <SelectField key={f.path} label={label} value={v as string} onChange={set} options={f.options!} group={f.group!} required={f.required ?? false} error={errorFor(f.path)} name={f.path} empty={f.required ? t('common.choose') : undefined} />;
        return <TextField key={f.path} label={label} value={v as string} onChange={set} multiline={f.type === 'multiline'} type={f.type === 'number' ? 'number' : 'text'} required={f.required ?? false} error={errorFor(f.path)} name={f.path} />;
      })}
      {serverError ? <ErrorNote error={serverError} /> : null}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('common.saving') : (saveLabel ?? t('common.save'))}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
