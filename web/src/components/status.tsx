import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="muted loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}

/** A translated sentence for an API error id; the server's own message is shown as detail. */
export function errorText(t: (k: string, o?: Record<string, unknown>) => string, err: unknown): string {
  if (err instanceof ApiError) {
    const known = t(`errors.${err.id}`, { defaultValue: '' });
    return known || t('errors.generic', { message: err.message });
  }
  if (err instanceof DOMException && err.name === 'AbortError') return t('errors.aborted');
  if (err instanceof TypeError) return t('errors.network');
  return t('errors.generic', { message: err instanceof Error ? err.message : String(err) });
}

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const detail = error instanceof ApiError ? error.message : null;
  return (
    <div className="error-note" role="alert">
      <p>{errorText(t, error)}</p>
      {detail && <p className="muted small">{detail}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty muted">{children}</p>;
}
