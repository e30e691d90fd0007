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
