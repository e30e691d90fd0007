// Half-filled forms, kept on the device under a key per form ("household:new", "activity:<id>")
// until saved or dropped: reopening the form restores them.
import { currentDb } from './db';

// Told after a draft is kept or dropped (the home screen lists the drafts).
const listeners = new Set<() => void>();
export function onDraftsChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
const changed = () => {
  for (const l of [...listeners]) l();
};

export async function loadDraft<T>(key: string): Promise<T | null> {
  const d = currentDb();
  if (!d) return null;
  const row = await (await d).get('drafts', key);
  return (row?.value as T) ?? null;
}

export async function saveDraft(key: string, value: unknown): Promise<void> {
  const d = currentDb();
  if (!d) return;
  await (await d).put('drafts', { key, saved_at: new Date().toISOString(), value });
  changed();
}

export async function dropDraft(key: string): Promise<void> {
  const d = currentDb();
  if (d) await (await d).delete('drafts', key);
  changed();
}
