import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { TextField, type FieldErrors } from '../../components/fields.tsx';
import { ErrorNote } from '../../components/status.tsx';
import { useDocumentTitle } from '../../hooks.ts';
import { useRouter, useSearchParams } from '../../router.tsx';
import { TotpEnrollment } from './TotpEnrollment.tsx';

/** Only a path on this site: `next` comes from the address bar and must not send anyone elsewhere. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export default function SignInScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('signin.title'));
  const { status, me, signIn, signOut } = useAuth();
  const { navigate } = useRouter();
  const next = safeNext(useSearchParams().get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needCode, setNeedCode] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [otherError, setOtherError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (status === 'local') {
    return (
      <section className="card narrow" aria-labelledby="signin-title" data-testid="sign-in-local">
        <h1 id="signin-title">{t('signin.title')}</h1>
        <p>{t('signin.noAccounts')}</p>
        <p className="muted">{t('signin.local')}</p>
      </section>
    );
  }
  if (status === 'signedIn' && me) {
    return (
      <section className="card narrow" aria-labelledby="signin-title">
        <h1 id="signin-title">{t('signin.signedInAs', { name: me.user.displayName || me.user.username })}</h1>
        {me.mustEnrollTotp ? <TotpEnrollment /> : <p className="muted">{t('signin.role', { role: t(`signin.roles.${me.user.role}`) })}</p>}
        <div className="button-row">
          <button type="button" onClick={() => navigate(next)}>
            {t('signin.continue')}
          </button>
          <button type="button" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </section>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (!username.trim()) errs.username = t('form.required');
    if (!password) errs.password = t('form.required');
    if (needCode && !code.trim()) errs.code = t('form.required');
    setErrors(errs);
    setFormError(null);
    setOtherError(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const input = { username: username.trim(), password, ...(needCode ? (useRecovery ? { recoveryCode: code.trim() } : { totp: code.trim() }) : {}) };
      const me = await signIn(input);
      if (!me.mustEnrollTotp) navigate(next, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.id === 'totp_required') {
        setNeedCode(true);
        setFormError(t('signin.codeNeeded'));
      } else if (err instanceof ApiError && err.id === 'invalid_second_factor') {
        setErrors({ code: t('signin.badCode') });
      } else if (err instanceof ApiError && err.id === 'invalid_credentials') {
        setFormError(t('signin.badCredentials'));
      } else if (err instanceof ApiError && err.id === 'too_many_attempts') {
        setFormError(t('signin.tooMany', { seconds: err.retryAfter ?? 60 }));
      } else setOtherError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card narrow" aria-labelledby="signin-title">
      <h1 id="signin-title">{t('signin.title')}</h1>
      <form onSubmit={(e) => void submit(e)} noValidate className="signin-form" data-testid="sign-in-form">
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <TextField label={t('signin.username')} value={username} onChange={setUsername} error={errors.username} required name="username" autoComplete="username" />
        <TextField label={t('signin.password')} type="password" value={password} onChange={setPassword} error={errors.password} required name="password" autoComplete="current-password" />
        {needCode && (
          <>
            <TextField label={useRecovery ? t('signin.recoveryCode') : t('signin.totp')} value={code} onChange={setCode} error={errors.code} required name="code" autoComplete="one-time-code" autoFocus />
            <button type="button" className="link-button" onClick={() => setUseRecovery((v) => !v)}>
              {useRecovery ? t('signin.useTotp') : t('signin.useRecovery')}
            </button>
          </>
        )}
        {otherError ? <ErrorNote error={otherError} /> : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('signin.signingIn') : t('signin.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
