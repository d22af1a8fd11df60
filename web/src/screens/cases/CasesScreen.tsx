import { useTranslation } from 'react-i18next';
import { CASE_RISKS, CASE_STATUSES } from '@domain/vocabulary.ts';
import { api } from '../../api.ts';
import { Empty, ErrorNote, Loading } from '../../components/status.tsx';
import { vocab, type VocabGroup } from '../../components/vocab.ts';
import { useAsync, useDocumentTitle } from '../../hooks.ts';
import { Link, useRouter, useSearchParams } from '../../router.tsx';

/** The case register: risk, latest status, days since last news, consent; filters live in the URL. */
export default function CasesScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('cases.title'));
  const params = useSearchParams();
  const { navigate } = useRouter();
  const status = params.get('status') ?? '';
  const risk = params.get('risk') ?? '';
  const minDays = params.get('minDays') ?? '';
  const cases = useAsync((signal) => api.caseRegister({ ...(status ? { status } : {}), ...(risk ? { risk } : {}), ...(minDays ? { minDays: Number(minDays) } : {}) }, { signal }), [status, risk, minDays]);
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    const q = next.toString();
    navigate(`/cases${q ? `?${q}` : ''}`, { replace: true });
  };

  return (
    <div className="cases">
      <h1>{t('cases.title')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <VocabSelect label={t('cases.risk')} group="case_risk" values={CASE_RISKS} value={risk} onChange={(v) => setFilter('risk', v)} testId="risk-filter" />
        <VocabSelect label={t('cases.latestStatus')} group="case_status" values={CASE_STATUSES} value={status} onChange={(v) => setFilter('status', v)} />
        <label>
          {t('cases.minDays')}
          <input type="number" min={0} value={minDays} onChange={(e) => setFilter('minDays', e.target.value)} />
        </label>
      </form>
      {cases.error ? (
        <ErrorNote error={cases.error} onRetry={cases.reload} />
      ) : !cases.data ? (
        <Loading />
      ) : cases.data.items.length === 0 ? (
        <Empty>{t('cases.empty')}</Empty>
      ) : (
        <table className="list-table" data-testid="cases-table">
          <thead>
            <tr>
              <th scope="col">{t('cases.case')}</th>
              <th scope="col">{t('cases.risk')}</th>
              <th scope="col">{t('cases.latestStatus')}</th>
              <th scope="col">{t('cases.daysSinceNews')}</th>
              <th scope="col">{t('cases.places')}</th>
              <th scope="col">{t('cases.unConsent')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.data.items.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/cases/${c.id}`}>{c.label}</Link>
                </th>
                <td>{vocab(t, 'case_risk', c.risk)}</td>
                <td>{vocab(t, 'case_status', c.latestStatus)}</td>
                <td>{c.daysSinceLastNews ?? t('date.unknown')}</td>
                <td>{c.places.join(', ')}</td>
                <td>{c.unCommunicationConsent ? t('cases.yes') : t('cases.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function VocabSelect(props: { label: string; group: VocabGroup; values: readonly string[]; value: string; onChange: (v: string) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        <option value="">{t('cases.any')}</option>
        {props.values.map((v) => (
          <option key={v} value={v}>
            {vocab(t, props.group, v)}
          </option>
        ))}
      </select>
    </label>
  );
}
