// The app-wide message line: errors go to a role=alert region, confirmations to a polite
// live region (see components/alerts.tsx).
import { ApiError, type ApiErrorBody } from './api';
import { hasKey, t } from './i18n';
import { createStore } from './store';

export interface Messages {
  error: string | null;
  // The server's own words (English), shown under the translated sentence.
  detail: string | null;
  info: string | null;
  seq: number;
}

export const messageStore = createStore<Messages>({
  error: null,
  detail: null,
  info: null,
  seq: 0,
});

export function describeError(err: unknown): { text: string; detail: string | null } {
  if (err instanceof ApiError) {
    // Field errors are shown beside their fields in the user's language: the line says how
    // many need fixing instead of the server's English summary.
    const n = new Set([...Object.keys(err.fields), ...Object.keys(err.fieldCodes)]).size;
    if (err.code === 'validation' && n > 0)
      return { text: t('error.fieldsToFix', { n }), detail: null };
    const key = 'error.' + err.code;
    const text = err.status === 0 ? t('error.network') : hasKey(key) ? t(key) : t('error.other');
    return { text, detail: err.message && err.message !== err.code ? err.message : null };
  }
  return { text: t('error.other'), detail: err instanceof Error ? err.message : null };
}

export function showError(err: unknown): void {
  const s = messageStore.get();
  const { text, detail } =
    typeof err === 'string' ? { text: err, detail: null } : describeError(err);
  messageStore.set({ error: text, detail, info: null, seq: s.seq + 1 });
}

export function showInfo(text: string): void {
  const s = messageStore.get();
  messageStore.set({ error: null, detail: null, info: text, seq: s.seq + 1 });
}

export function clearMessages(): void {
  const s = messageStore.get();
  if (s.error || s.info)
    messageStore.set({ error: null, detail: null, info: null, seq: s.seq + 1 });
}

// A queued entry the server refused (the outbox keeps its error body): said as a live refusal
// would be, "n fields need fixing" for field errors.
export function showRefusal(error: (ApiErrorBody & { status: number }) | undefined): void {
  showError(error?.code ? new ApiError(error.status, error) : t('off.refused'));
}
