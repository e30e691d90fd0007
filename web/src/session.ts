// Who is signed in, what they may do and the configuration the screens need, all from
// GET/POST /session. The CSRF token lives in memory only; after a reload it is read again from
// GET /session, which the cookie authenticates.
//
// The language follows the account: after sign-in the app speaks the account's locale, and a
// language chosen while signed in is saved to it (PATCH /session), so it follows the user to
// their next device.
import { ApiError, del, get, patch, post, setCsrfToken, setUnauthenticatedHandler } from './api';
import { accountLocale, adoptUserLocale, onLangChosen, type Lang } from './i18n';
import { createStore, useStore } from './store';
import type { DeviceRef, Permission, Session, SessionConfig, User } from './types';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; ended: boolean }
  | {
      status: 'signed-in';
      user: User;
      permissions: Permission[];
      programme: Permission[];
      config: SessionConfig;
    };

export const sessionStore = createStore<SessionState>({ status: 'loading' });

// The last session, without its CSRF token, so that the app opens offline (a phone in the
// field reloads without a connection); the server still decides when the connection returns.
const CACHED = 'mobilise.session';

// The signed-in state a session answer gives (a session cached by an older version has no
// programme-wide list: nothing programme-wide until the server is asked again).
function signedInState(s: Session): SessionState {
  return {
    status: 'signed-in',
    user: s.user,
    permissions: s.permissions,
    programme: s.programme_permissions ?? [],
    config: s.config,
  };
}

async function signedIn(s: Session): Promise<void> {
  setCsrfToken(s.csrf_token);
  try {
    localStorage.setItem(CACHED, JSON.stringify({ ...s, csrf_token: null }));
  } catch {
    // private mode: no offline start
  }
  await adoptUserLocale(s.user.locale).catch(() => {});
  sessionStore.set(signedInState(s));
}

// A language chosen while signed in is the account's from now on.
onLangChosen((lang: Lang) => {
  const s = sessionStore.get();
  const locale = accountLocale(lang);
  if (s.status !== 'signed-in' || s.user.locale === locale) return;
  patch<Session>('/session', { locale })
    .then((next) => updateCurrentUser(next.user))
    .catch(() => {
      // Offline or refused: the device keeps the choice; the account keeps its language.
    });
});

function signedOut(ended: boolean): void {
  setCsrfToken(null);
  try {
    localStorage.removeItem(CACHED);
  } catch {
    // nothing stored
  }
  sessionStore.set({ status: 'anonymous', ended });
}

setUnauthenticatedHandler(() => {
  if (sessionStore.get().status === 'signed-in') signedOut(true);
});

export async function restoreSession(): Promise<void> {
  try {
    await signedIn(await get<Session>('/session', { redirectOn401: false }));
  } catch (e) {
    // No connection: the last session, until the server can be asked again (writes wait in the
    // outbox meanwhile; restoreSession runs again when the connection returns).
    const cached = e instanceof ApiError && e.status === 0 ? localStorage.getItem(CACHED) : null;
    if (cached) {
      const s = JSON.parse(cached) as Session;
      await adoptUserLocale(s.user.locale).catch(() => {});
      sessionStore.set(signedInState(s));
      return;
    }
    signedOut(false);
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
  }
}

// `device`: sign in for a device session (30 days after last use; listed and revocable).
export async function login(username: string, password: string, device?: DeviceRef): Promise<void> {
  const body = device ? { username, password, device } : { username, password };
  await signedIn(await post<Session>('/session', body, { redirectOn401: false }));
}

export async function logout(): Promise<void> {
  try {
    await del('/session');
  } finally {
    signedOut(false);
  }
}

// The signed-in caller holds `p` (in some area: the server still checks the area of each record).
export function can(p: Permission): boolean {
  const s = sessionStore.get();
  return s.status === 'signed-in' && s.permissions.includes(p);
}

// The session's configuration (sexes, age bands); screens render only while signed in.
export function sessionConfig(): SessionConfig {
  const s = sessionStore.get();
  return s.status === 'signed-in' ? s.config : { sexes: [], age_bands: [], unknown_age_band: '' };
}

export function useCan(): (p: Permission) => boolean {
  const s = useStore(sessionStore);
  return (p) => s.status === 'signed-in' && s.permissions.includes(p);
}

// The signed-in caller holds `p` programme-wide (a grant on a top-level area): what the set-up
// writes (settings, templates, the DHIS2 mapping) need, as the server decides it.
export function useCanProgrammeWide(): (p: Permission) => boolean {
  const s = useStore(sessionStore);
  return (p) => s.status === 'signed-in' && s.programme.includes(p);
}

// After the signed-in user's own record changed: their name and locale at once, and, when their
// roles changed, what they may do (the server computes it) with the next GET /session.
export function updateCurrentUser(user: User): void {
  const s = sessionStore.get();
  if (s.status !== 'signed-in' || s.user.id !== user.id) return;
  const rolesChanged = JSON.stringify(s.user.roles) !== JSON.stringify(user.roles);
  sessionStore.set({ ...s, user });
  if (!rolesChanged) return;
  get<Session>('/session')
    .then((next) => {
      const now = sessionStore.get();
      if (now.status === 'signed-in')
        sessionStore.set({
          ...now,
          permissions: next.permissions,
          programme: next.programme_permissions,
        });
    })
    .catch(() => {});
}
