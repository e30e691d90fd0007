// Half-filled forms survive navigation, reloads and restarts: `useDraft` keeps the form's value
// in the device store's drafts (offline/drafts.ts) while it differs from what was loaded, and
// a guard asks before a link or a reload leaves a form with unsaved changes.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { dropDraft, loadDraft, saveDraft } from '../offline/drafts';

// `ready`: the form holds what it loaded (its baseline). `restore` gets a stored draft once.
// Answers whether the form has unsaved changes; `clear` (after a save) forgets the draft and
// `discard` also puts back what the form loaded.
export function useDraft<T>(
  key: string,
  value: T,
  ready: boolean,
  restore: (v: T) => void,
): { dirty: boolean; restored: boolean; clear: () => Promise<void>; discard: () => void } {
  const baseline = useRef<string | null>(null);
  const loaded = useRef<T>(value);
  const [restored, setRestored] = useState(false);
  const json = JSON.stringify(value);
  useEffect(() => {
    if (!ready || baseline.current !== null) return;
    baseline.current = json;
    loaded.current = value;
    loadDraft<T>(key)
      .then((d) => {
        if (d !== null && JSON.stringify(d) !== json) {
          restore(d);
          setRestored(true);
        }
      })
      .catch(() => {});
  }, [ready]);
  const dirty = baseline.current !== null && json !== baseline.current;
  // The latest unsaved value, kept at once when the form goes away before the pause ends.
  const unsaved = useRef<{ value: T } | null>(null);
  unsaved.current = dirty ? { value } : null;
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => saveDraft(key, value).catch(() => {}), 400);
    return () => clearTimeout(timer);
  }, [json, dirty]);
  useEffect(
    () => () => {
      if (unsaved.current) saveDraft(key, unsaved.current.value).catch(() => {});
    },
    [],
  );
  useLeaveGuard(dirty);
  return {
    dirty,
    restored,
    clear: () => {
      baseline.current = json;
      unsaved.current = null;
      setRestored(false);
      return dropDraft(key);
    },
    // Back to what the form loaded, without the draft.
    discard: () => {
      unsaved.current = null;
      setRestored(false);
      restore(loaded.current);
      dropDraft(key).catch(() => {});
    },
  };
}

// Asks before leaving through an in-app link or closing the page while `dirty`.
export function useLeaveGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const click = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a[href^="#"]');
      if (a && !window.confirm(t('draft.leave'))) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    const unload = (e: BeforeUnloadEvent) => e.preventDefault();
    document.addEventListener('click', click, true);
    window.addEventListener('beforeunload', unload);
    return () => {
      document.removeEventListener('click', click, true);
      window.removeEventListener('beforeunload', unload);
    };
  }, [dirty]);
}
