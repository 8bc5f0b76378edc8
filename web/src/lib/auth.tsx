import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { api } from '../api/endpoints';
import type { Role, UserInfo } from '../api/types';

type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'authenticated'; user: UserInfo }
  | { status: 'error'; error: unknown };

export interface Auth {
  state: AuthState;
  user: UserInfo | null;
  login: (username: string, password: string) => Promise<UserInfo>;
  logout: () => Promise<void>;
  /** Ask /auth/me again (after a failed first check). */
  refresh: () => void;
}

const AuthContext = createContext<Auth | null>(null);

/** The session: checked with GET /auth/me on start; the CSRF token kept in memory by the API client. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const ac = new AbortController();
    api.me(ac.signal).then(
      (s) => {
        setCsrfToken(s.csrfToken);
        setState({ status: 'authenticated', user: s.user });
      },
      (e: unknown) => {
        if (ac.signal.aborted) return;
        if (isApiError(e) && e.status === 401) setState({ status: 'anonymous', expired: false });
        else setState({ status: 'error', error: e });
      },
    );
    return () => ac.abort();
  }, [tick]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous', expired: true });
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const s = await api.login(username, password);
    setCsrfToken(s.csrfToken);
    setState({ status: 'authenticated', user: s.user });
    return s.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous', expired: false });
    }
  }, []);

  const refresh = useCallback(() => {
    setState({ status: 'loading' });
    setTick((n) => n + 1);
  }, []);

  const value = useMemo<Auth>(
    () => ({ state, user: state.status === 'authenticated' ? state.user : null, login, logout, refresh }),
    [state, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The signed-in user (inside the auth guard). */
export function useUser(): UserInfo {
  const { user } = useAuth();
  if (!user) throw new Error('useUser outside the auth guard');
  return user;
}

export function hasRole(user: UserInfo | null, ...roles: Role[]): boolean {
  return !!user && roles.includes(user.role);
}
