import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginInput, Me } from '@domain/api-types.ts';
import { ApiError, api, authEvents } from './api.ts';

/**
 * Who is using the app. `local`: the server has no accounts yet and serves this computer's user
 * without sign-in; `signedIn` / `signedOut`: accounts exist and a session cookie decides.
 */
export type AuthStatus = 'loading' | 'local' | 'signedIn' | 'signedOut';
interface AuthValue {
  status: AuthStatus;
  me: Me | null;
  signIn(input: LoginInput): Promise<Me>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ status: AuthStatus; me: Me | null }>({ status: 'loading', me: null });
  useEffect(() => {
    let live = true;
    api.me().then(
      (me) => live && setState({ status: me.user.id === 'local' ? 'local' : 'signedIn', me }),
      (err: unknown) => {
        if (!live) return;
        // 401: accounts exist and there is no session. Anything else: a server without accounts.
        setState({ status: err instanceof ApiError && err.status === 401 ? 'signedOut' : 'local', me: null });
      },
    );
    const onLost = () => setState((s) => (s.status === 'local' ? s : { status: 'signedOut', me: null }));
    authEvents.addEventListener('unauthenticated', onLost);
    return () => {
      live = false;
      authEvents.removeEventListener('unauthenticated', onLost);
    };
  }, []);
  const signIn = useCallback(async (input: LoginInput) => {
    const me = await api.login(input);
    setState({ status: 'signedIn', me });
    return me;
  }, []);
  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setState({ status: 'signedOut', me: null });
    }
  }, []);
  const value = useMemo(() => ({ ...state, signIn, signOut }), [state, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
