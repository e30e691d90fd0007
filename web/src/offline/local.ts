// Reading records when the network may be gone: a record saved on this device and not yet sent
// is read from the store; otherwise the server is asked, and when it cannot be reached the
// working set's copy is used. Lists for pickers search the working set.
import { ApiError, get } from '../api';
import { allRows, currentDb, type DB, type Entity, type Row } from './db';
import { matcher } from './fold';

export interface Loaded<T> {
  record: T;
  // Saved on this device and not yet on the server.
  pending: boolean;
  // Read from the device because the server could not be reached.
  local: boolean;
}

export async function localRow(entity: Entity, id: string): Promise<Row | undefined> {
  const d = currentDb();
  return d ? (await d).get(entity, id) : undefined;
}

// With no connection (the browser says so), the working set's copy at once: a request that
// cannot succeed costs a slow phone a round of the service worker before the screen opens.
export async function loadRecord<T>(entity: Entity, id: string, path: string): Promise<Loaded<T>> {
  const row = await localRow(entity, id).catch(() => undefined);
  if (row?.pending) return { record: row.r as T, pending: true, local: true };
  if (row && !navigator.onLine) return { record: row.r as T, pending: false, local: true };
  try {
    return { record: await get<T>(path), pending: false, local: false };
  } catch (e) {
    if (row && e instanceof ApiError && e.status === 0)
      return { record: row.r as T, pending: false, local: true };
    throw e;
  }
}

// True once the working set holds a first sync (pickers then search it instead of the server).
// Asked on every keystroke of a picker: once true for a store it stays so (a cursor is never
// removed), so the answer is kept instead of read again.
let synced: Promise<DB> | null = null;
export async function hasWorkingSet(): Promise<boolean> {
  const d = currentDb();
  if (!d) return false;
  if (synced === d) return true;
  const yes = (await (await d).get('meta', 'cursor')) !== undefined;
  if (yes) synced = d;
  return yes;
}

// Records of `entity` whose names or codes hold every word of `q` (folded), at most `limit`.
export async function searchLocal<T>(
  entity: Entity,
  q: string,
  limit: number,
  keep: (r: T) => boolean = () => true,
): Promise<T[]> {
  const out: T[] = [];
  const hit = matcher(q);
  for (const row of await allRows(entity)) {
    if (out.length >= limit) break;
    if (hit(row.s) && keep(row.r as T)) out.push(row.r as T);
  }
  return out;
}
