import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { ErrorNote, Loading } from '../../components/status.tsx';
import { vocab } from '../../components/vocab.ts';
import { useAsync, useDocumentTitle } from '../../hooks.ts';
import { useFormat } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';

/** One case: its timeline (date, status, place, the passage behind it), person, consent, drafts. */
export default function CaseScreen({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const caseId = params.id ?? '';
  const dossier = useAsync((signal) => api.caseDossier(caseId, { signal }), [caseId]);
  useDocumentTitle(dossier.data?.label ?? t('cases.title'));
  const [draftError, setDraftError] = useState<unknown>(null);
  const draft = async (kind: 'urgent-appeal' | 'wgad') => {
    setDraftError(null);
    try {
      const html = await api.appealHtml(caseId, kind);
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${kind}-${caseId}.html`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (err) {
      setDraftError(err);
    }
  };
  if (dossier.error) return <ErrorNote error={dossier.error} onRetry={dossier.reload} />;
  const d = dossier.data;
  if (!d) return <Loading />;
  const un = d.consentFor.unCommunication;
  return (
    <article className="case" data-testid="case-page">
      <p>
        <Link to="/cases">{t('cases.back')}</Link>
      </p>
      <h1>{d.label}</h1>
      <p>
        <span className="badge">{vocab(t, 'case_risk', d.risk)}</span> {d.person ? <Link to={`/records/${d.person.id}`}>{d.person.pseudonym}</Link> : null}
      </p>
      <p>{d.summary}</p>
      <h2>{t('cases.timeline')}</h2>
      <ol className="timeline" data-testid="case-timeline">
        {d.statuses.map((s) => (
          <li key={s.id}>
            <strong>{s.date ? f.partialDate(s.date) : t('date.unknown')}</strong> · {vocab(t, 'case_status', s.status)}
            {s.place ? ` · ${s.place.name}` : ''}
            <div className="muted small">{s.note}</div>
            {s.sources.map((p) => (
              <blockquote key={`${p.sourceId}-${p.quote}`} className="small">
                “{p.quote}” — <Link to={`/sources/${p.sourceId}`}>{p.title}</Link>
              </blockquote>
            ))}
          </li>
        ))}
      </ol>
      <h2>{t('cases.consent')}</h2>
      <ul>
        {d.consents.map((c) => (
          <li key={c.id}>{c.statement}</li>
        ))}
      </ul>
      <p data-testid="un-consent">{un.ok ? t('cases.unConsentOk') : t('cases.unConsentMissing', { reason: un.message })}</p>
      {draftError ? <ErrorNote error={draftError} /> : null}
      <p>
        <button type="button" disabled={!un.ok} onClick={() => void draft('urgent-appeal')}>
          {t('cases.draftUrgentAppeal')}
        </button>{' '}
        <button type="button" disabled={!un.ok} onClick={() => void draft('wgad')}>
          {t('cases.draftWgad')}
        </button>
      </p>
    </article>
  );
}
