import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';
import type { Upload } from './importer.ts';
import { MAX_UPLOAD_BYTES } from './importer.ts';

const ACCEPT = '.txt,.md,.markdown,.html,.htm,.pdf,.json,text/plain,text/markdown,text/html,application/pdf,application/json';

export function ImportPanel({ uploads, onFiles, onClear }: { uploads: Upload[]; onFiles(files: File[]): void; onClear(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const done = uploads.filter((u) => u.state !== 'waiting' && u.state !== 'uploading').length;
  const failed = uploads.filter((u) => u.state === 'failed').length;
  const take = (list: FileList | null, input: HTMLInputElement) => {
    if (list && list.length) onFiles([...list]);
    input.value = '';
  };
  return (
    <section className="card import-panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('library.import.title')}</h2>
      <p className="muted small">{t('library.import.help', { max: f.bytes(MAX_UPLOAD_BYTES) })}</p>
      <div className="button-row">
        <label className="button primary">
          {t('library.import.files')}
          <input className="visually-hidden" type="file" multiple accept={ACCEPT} data-testid="import-files" onChange={(e) => take(e.target.files, e.target)} />
        </label>
        <label className="button">
          {t('library.import.folder')}
          <input
            className="visually-hidden"
            type="file"
            multiple
            data-testid="import-folder"
            ref={(el) => {
              // Not in React's attribute list; set it on the element itself.
              if (el) el.setAttribute('webkitdirectory', '');
            }}
            onChange={(e) => take(e.target.files, e.target)}
          />
        </label>
        {done > 0 && (
          <button type="button" className="link-button" onClick={onClear}>
            {t('library.import.clear')}
          </button>
        )}
      </div>
      {uploads.length > 0 && (
        <>
          <p role="status" className="small">
            {t('library.import.progress', { done: f.number(done), total: f.number(uploads.length) })}
            {failed > 0 && ` ${t('library.import.failedCount', { count: failed })}`}
          </p>
          <progress max={uploads.length} value={done} aria-label={t('library.import.progressLabel')} />
          <ul className="upload-list" data-testid="upload-list">
            {uploads.map((u) => (
              <li key={u.key} className={`upload upload-${u.state}`}>
                <span className="upload-name">{u.name}</span>
                <span className="muted small">{f.bytes(u.size)}</span>
                <span className={`badge state-${u.state}`}>{t(`library.import.state.${u.state}`)}</span>
                {u.result?.sourceId && (u.state === 'imported' || u.state === 'duplicate') && (
                  <Link to={`/sources/${u.result.sourceId}`}>{t('library.import.open')}</Link>
                )}
                {u.result?.candidates ? <span className="small">{t('library.import.candidates', { count: u.result.candidates })}</span> : null}
                {u.error && (
                  <p className="field-error upload-error">
                    {t(`errors.${u.error.id}`, { defaultValue: t('errors.generic', { message: u.error.message }) })}
                    {u.error.message && <span className="muted"> ({u.error.message})</span>}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
