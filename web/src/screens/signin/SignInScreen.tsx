import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../hooks.ts';

/**
 * A placeholder until the API has accounts (POST /api/auth/login arrives with the security
 * work). Nothing is faked: the server listens on this machine only and treats its one user as
 * the local analyst, and this page says so.
 */
export default function SignInScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('signin.title'));
  return (
    <section className="card narrow" aria-labelledby="signin-title" data-testid="sign-in-placeholder">
      <h1 id="signin-title">{t('signin.title')}</h1>
      <p>{t('signin.notYet')}</p>
      <p className="muted">{t('signin.local')}</p>
    </section>
  );
}
