import { Component, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { ErrorNote, Loading } from './components/status.tsx';
import { useDocumentTitle } from './hooks.ts';
import { Link, matchPath, useRouter } from './router.tsx';
import { ROUTES } from './routes.ts';

const NAV = [
  { to: '/', key: 'nav.dashboard' },
  { to: '/library', key: 'nav.library' },
  { to: '/review', key: 'nav.review' },
  { to: '/search', key: 'nav.search' },
  { to: '/map', key: 'nav.map' },
  { to: '/intake-inbox', key: 'nav.intake' },
  { to: '/cases', key: 'nav.cases' },
] as const;

class ScreenBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }
  override render() {
    return this.state.error ? <ErrorNote error={this.state.error} /> : this.props.children;
  }
}

function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}

function AccountTools() {
  const { t } = useTranslation();
  const { status, me, signOut } = useAuth();
  const { path, navigate } = useRouter();
  if (status === 'signedIn' && me) {
    return (
      <div className="account">
        <span className="account-name" data-testid="account-name">
          {me.user.displayName || me.user.username}
        </span>
        <button type="button" className="link-button" onClick={() => void signOut().then(() => navigate('/sign-in'))}>
          {t('nav.signOut')}
        </button>
      </div>
    );
  }
  if (status === 'local') {
    return (
      <Link to="/sign-in" className="muted small" aria-current={path === '/sign-in' ? 'page' : undefined}>
        {t('nav.localMode')}
      </Link>
    );
  }
  return (
    <Link to="/sign-in" className="sign-in-link" aria-current={path === '/sign-in' ? 'page' : undefined}>
      {t('nav.signIn')}
    </Link>
  );
}

export function App() {
  const { t } = useTranslation();
  const { path, search, navigate } = useRouter();
  const { status } = useAuth();

  // Signed out (accounts exist, no session): every screen but sign-in waits behind it.
  useEffect(() => {
    if (status === 'signedOut' && path !== '/sign-in') navigate(`/sign-in?next=${encodeURIComponent(path + search)}`, { replace: true });
  }, [status, path, search, navigate]);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After a navigation, move focus to the new screen so screen readers announce it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [path]);

  let screen: ReactNode = <NotFound />;
  const gated = status === 'loading' || (status === 'signedOut' && path !== '/sign-in');
  for (const r of gated ? [] : ROUTES) {
    const params = matchPath(r.path, path);
    if (params) {
      const Screen = r.screen;
      screen = <Screen params={params} />;
      break;
    }
  }
  const isActive = (to: string) => (to === '/' ? path === '/' : path.startsWith(to));

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tag">{t('app.tagline')}</span>
        </Link>
        {status !== 'signedOut' && (
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={isActive(n.to) ? 'page' : undefined}>
                  {t(n.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        )}
        <div className="header-tools">
          <LanguageSwitch />
          <AccountTools />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <ScreenBoundary resetKey={path}>
          <Suspense fallback={<Loading />}>{gated ? <Loading /> : screen}</Suspense>
        </ScreenBoundary>
      </main>
    </>
  );
}
