// The app-wide message line: errors go to a role=alert region, confirmations to a polite
// live region (see components/alerts.tsx).
import { ApiError } from './api';
import { hasKey, t } from './i18n';
import { createStore } from './store';

export interface Messages {
  error: string | null;
  info: string | null;
  seq: number;
}

export const messageStore = createStore<Messages>({ error: null, info: null, seq: 0 });

export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    const key = 'error.' + err.code;
    const general = err.status === 0 ? t('error.network') : hasKey(key) ? t(key) : t('error.other');
    return err.message && err.message !== err.code ? `${general} ${err.message}` : general;
  }
  return t('error.other') + (err instanceof Error ? ' ' + err.message : '');
}

export function showError(err: unknown): void {
  const s = messageStore.get();
  messageStore.set({ error: typeof err === 'string' ? err : describeError(err), info: null, seq: s.seq + 1 });
}

export function showInfo(text: string): void {
  const s = messageStore.get();
  messageStore.set({ error: null, info: text, seq: s.seq + 1 });
}

export function clearMessages(): void {
  const s = messageStore.get();
  if (s.error || s.info) messageStore.set({ error: null, info: null, seq: s.seq + 1 });
}
