import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { TextField } from '../../components/fields.tsx';
import { ErrorNote } from '../../components/status.tsx';

/**
 * Two-factor set-up when an administrator requires it: the secret to type into an authenticator
 * app, a first code to prove it works, then the recovery codes, shown once.
 */
export function TotpEnrollment() {
  const { t } = useTranslation();
  const [secret, setSecret] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const start = async () => {
    setError(null);
    try {
      setSecret(await api.enrollTotp());
    } catch (err) {
      setError(err);
    }
  };
  const confirm = async () => {
    setError(null);
    try {
      setCodes((await api.confirmTotp(code.trim())).recoveryCodes);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="totp" data-testid="totp-enrollment">
      <p className="notice">{t('signin.enroll.required')}</p>
      {error ? <ErrorNote error={error} /> : null}
      {codes ? (
        <>
          <p>{t('signin.enroll.recovery')}</p>
          <ul className="mono">
            {codes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <button type="button" onClick={() => window.location.reload()}>
            {t('signin.continue')}
          </button>
        </>
      ) : secret ? (
        <>
          <p>{t('signin.enroll.secret')}</p>
          <p className="mono secret">{secret.secret}</p>
          <TextField label={t('signin.totp')} value={code} onChange={setCode} name="code" autoComplete="one-time-code" />
          <button type="button" className="primary" onClick={() => void confirm()}>
            {t('signin.enroll.confirm')}
          </button>
        </>
      ) : (
        <button type="button" className="primary" onClick={() => void start()}>
          {t('signin.enroll.start')}
        </button>
      )}
    </div>
  );
}
