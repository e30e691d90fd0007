// What the shell shows of the device store (a small module: the shell imports it, while the
// engine, IndexedDB and the sync loop arrive in their own chunk once someone signs in).
import { createStore } from '../store';

export interface OfflineStatus {
  online: boolean;
  // 'unavailable': the server has no sync feed; 'error': the last sync failed (retried later).
  phase: 'off' | 'idle' | 'syncing' | 'error' | 'unavailable';
  done: number;
  total: number;
  last_synced: string | null;
  // Queued writes: waiting to be sent, and refused or in conflict (the user must act).
  waiting: number;
  problems: number;
  // Sent since the app opened (the "sent" the user sees once the queue is empty).
  sent: number;
  // A photo being uploaded now: how much of it has left the phone (0-100), else null.
  uploading: number | null;
}

export const offlineStore = createStore<OfflineStatus>({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  phase: 'off',
  done: 0,
  total: 0,
  last_synced: null,
  waiting: 0,
  problems: 0,
  sent: 0,
  uploading: null,
});

export function patchStatus(p: Partial<OfflineStatus>): void {
  offlineStore.set({ ...offlineStore.get(), ...p });
}

type Engine = typeof import('./engine');
let engine: Promise<Engine> | null = null;

// Opens the user's store and starts syncing and sending (idempotent for the same user).
export function startOffline(userId: string): Promise<Engine> {
  engine ??= import('./engine');
  return engine.then((m) => {
    m.start(userId);
    return m;
  });
}

export function stopOffline(): void {
  engine?.then((m) => m.stop()).catch(() => {});
  patchStatus({ phase: 'off', waiting: 0, problems: 0, sent: 0, last_synced: null });
}

// Unsent entries (waiting or refused) of the signed-in user: what sign-out must warn about.
export const unsent = () => offlineStore.get().waiting + offlineStore.get().problems;
