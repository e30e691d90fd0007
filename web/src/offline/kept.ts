// Configuration the field forms need (the registry configuration, feedback categories, the
// course catalogue), kept in the device store each time it is read, so the forms still have
// their choices after an offline reload. Small, and loads the device store lazily: the shell
// imports it.
import { ApiError, get } from '../api';

const key = (path: string) => 'kept:' + path;

async function store() {
  const { currentDb, firstDb } = await import('./db');
  return currentDb() ?? (await firstDb);
}

export async function getKept<T>(path: string): Promise<T> {
  try {
    const value = await get<T>(path);
    store()
      .then((d) => d.put('meta', value, key(path)))
      .catch(() => {});
    return value;
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 0) throw e;
    const kept = (await (await store()).get('meta', key(path))) as T | undefined;
    if (kept === undefined) throw e;
    return kept;
  }
}

// After a sync pass: the kept answers whose path `wanted` names read again (a group's books the
// user opened, so that its meeting form opens offline with the balances of the last sync), one
// request each; one the server no longer gives this user (403, 404) is dropped.
export async function refreshKept(wanted: (path: string) => boolean): Promise<void> {
  const d = await store();
  for (const k of await d.getAllKeys('meta')) {
    const path = String(k).startsWith('kept:') ? String(k).slice(5) : '';
    if (!path || !wanted(path)) continue;
    try {
      await d.put('meta', await get(path), k);
    } catch (e) {
      if (!(e instanceof ApiError)) continue;
      if (e.status === 403 || e.status === 404) await d.delete('meta', k);
      else if (e.status === 0) return;
    }
  }
}
