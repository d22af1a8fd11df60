import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyRecord } from '@domain/api-types.ts';
import { ErrorNote } from '../../../components/status.tsx';
import type { FieldErrors } from '../../../components/fields.tsx';

export interface SubmitOutcome {
  errors?: FieldErrors;
  created?: AnyRecord;
}

/**
 * A form that validates before sending and keeps every typed value on failure: errors are shown
 * beside their fields, and a server refusal above the buttons.
 */
export function FormShell({ title, children, onSubmit, onCancel, onCreated }: { title: string; children: (errors: FieldErrors) => ReactNode; onSubmit(): Promise<SubmitOutcome>; onCancel(): void; onCreated(r: AnyRecord): void }) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setServerError(null);
    try {
      const out = await onSubmit();
      setErrors(out.errors ?? {});
      if (out.errors && Object.keys(out.errors).length > 0) {
        // Focus the first field in error so keyboard and screen-reader users land on it.
        requestAnimationFrame(() => document.querySelector<HTMLElement>('.record-form [aria-invalid="true"]')?.focus());
      }
      if (out.created) onCreated(out.created);
    } catch (err) {
      setServerError(err);
    } finally {
      setBusy(false);
    }
  };
  const count = Object.keys(errors).length;
  return (
    <form className="record-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="record-form-title">
      <h3 id="record-form-title">{title}</h3>
      {count > 0 && (
        <p className="form-error" role="alert">
          {t('form.fixErrors', { count })}
        </p>
      )}
      {children(errors)}
      {serverError ? <ErrorNote error={serverError} /> : null}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
