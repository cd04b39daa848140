/** The session: the token and the user in sessionStorage (one tab, gone when it closes). */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { api, setSessionToken } from './api.js';
import type { LoginBody, User } from './api-types.js';

const KEY = 'shoudi.session';

interface Session {
  readonly token: string;
  readonly user: User;
}

interface Auth {
  readonly user: User | null;
  /** True when the last session ended because the server no longer knew it. */
  readonly expired: boolean;
  login(body: LoginBody): Promise<void>;
  logout(): Promise<void>;
  /** Ends every session of the user, on every device (this one too); answers the server's words. */
  logoutEverywhere(): Promise<string>;
  /** The user chose a new password: the session no longer needs one. */
  passwordChanged(): void;
}

const AuthContext = createContext<Auth | null>(null);

function stored(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [session, setSession] = useState<Session | null>(stored);
  const [expired, setExpired] = useState(false);

  const end = useCallback(() => {
    sessionStorage.removeItem(KEY);
    setSessionToken(null, () => {});
    queries.clear();
    setSession(null);
  }, [queries]);

  setSessionToken(session?.token ?? null, () => {
    end();
    setExpired(true);
  });

  const login = useCallback(async (body: LoginBody) => {
    const answer = await api.login(body);
    const next = { token: answer.token, user: answer.user };
    sessionStorage.setItem(KEY, JSON.stringify(next));
    setSessionToken(next.token, () => {});
    setExpired(false);
    setSession(next);
  }, []);

  const logout = useCallback(async () => {
    await api.logout().catch(() => undefined);
    end();
  }, [end]);

  const logoutEverywhere = useCallback(async () => {
    const answer = await api.logoutAll();
    end();
    return answer.message;
  }, [end]);

  const passwordChanged = useCallback(() => {
    setSession((current) => {
      if (!current) return current;
      const next = { ...current, user: { ...current.user, mustChangePassword: false } };
      sessionStorage.setItem(KEY, JSON.stringify(next));
      return next;
    });
  }, []);

  const value = useMemo(() => ({ user: session?.user ?? null, expired, login, logout, logoutEverywhere, passwordChanged }), [session, expired, login, logout, logoutEverywhere, passwordChanged]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The logged-in user; only for screens behind the login. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a session');
  return user;
}
