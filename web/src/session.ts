// Who is signed in. The CSRF token lives in memory only; after a reload it is read again from
// GET /session, which the cookie authenticates.
import { ApiError, del, get, post, setCsrfToken, setUnauthenticatedHandler } from './api';
import { adoptUserLocale } from './i18n';
import { createStore } from './store';
import type { RoleCode, Session, User } from './types';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; ended: boolean }
  | { status: 'signed-in'; user: User };

export const sessionStore = createStore<SessionState>({ status: 'loading' });

function signedIn(s: Session): void {
  setCsrfToken(s.csrf_token);
  adoptUserLocale(s.user.locale);
  sessionStore.set({ status: 'signed-in', user: s.user });
}

function signedOut(ended: boolean): void {
  setCsrfToken(null);
  sessionStore.set({ status: 'anonymous', ended });
}

setUnauthenticatedHandler(() => {
  if (sessionStore.get().status === 'signed-in') signedOut(true);
});

export async function restoreSession(): Promise<void> {
  try {
    signedIn(await get<Session>('/session', { redirectOn401: false }));
  } catch (e) {
    signedOut(false);
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
  }
}

export async function login(username: string, password: string): Promise<void> {
  signedIn(await post<Session>('/session', { username, password }, { redirectOn401: false }));
}

export async function logout(): Promise<void> {
  try {
    await del('/session');
  } finally {
    signedOut(false);
  }
}

export function hasRole(user: User, role: RoleCode): boolean {
  return user.roles.some((r) => r.role === role);
}

export function updateCurrentUser(user: User): void {
  const s = sessionStore.get();
  if (s.status === 'signed-in' && s.user.id === user.id)
    sessionStore.set({ status: 'signed-in', user });
}
