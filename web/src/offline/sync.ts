// The working set follows GET /api/v1/sync (contract14 §2): the first pass with a progress bar,
// then incremental passes. Each page is applied in one IndexedDB transaction together with its
// cursor, so a page is either wholly applied and acknowledged or not at all. `reset` drops the
// working set first (never the outbox or drafts; rows of unsent local records stay too).
import { ApiError, get, query } from '../api';
import { ENTITIES, rowOf, rowsChanged, type DB, type Entity } from './db';
import { refreshKept } from './kept';
import { patchStatus } from './status';

interface SyncPage {
  cursor: string;
  more: boolean;
  reset: boolean;
  progress?: { done: number; total: number };
  server_time?: string;
  changes: { entity: string; upserts?: Record<string, unknown>[]; deletes?: string[] }[];
}

const PAGE = 500;
let running: Promise<void> | null = null;

// One sync pass (pages until `more` is false); concurrent calls share the pass in flight.
export function syncNow(db: DB): Promise<void> {
  running ??= pass(db).finally(() => {
    running = null;
  });
  return running;
}

async function pass(db: DB): Promise<void> {
  patchStatus({ phase: 'syncing' });
  try {
    for (;;) {
      const cursor = (await db.get('meta', 'cursor')) as string | undefined;
      const page = await get<SyncPage>('/sync' + query({ cursor, limit: PAGE }));
      await apply(db, page);
      patchStatus({ done: page.progress?.done ?? 0, total: page.progress?.total ?? 0 });
      if (!page.more) break;
    }
    await refreshKept((path) => /^\/institutions\/[^/]+\/books$/.test(path));
    const now = new Date().toISOString();
    await db.put('meta', now, 'last_synced');
    patchStatus({ phase: 'idle', last_synced: now, done: 0, total: 0 });
  } catch (e) {
    const missing = e instanceof ApiError && e.status === 404;
    patchStatus({ phase: missing ? 'unavailable' : 'error', done: 0, total: 0 });
  }
}

export async function apply(db: DB, page: SyncPage): Promise<void> {
  const tx = db.transaction([...ENTITIES, 'meta' as const], 'readwrite');
  if (page.reset) {
    for (const e of ENTITIES) {
      const store = tx.objectStore(e);
      for (let c = await store.openCursor(); c; c = await c.continue())
        if (!c.value.pending) await c.delete();
    }
  }
  for (const change of page.changes) {
    if (!(ENTITIES as readonly string[]).includes(change.entity)) continue;
    const entity = change.entity as Entity;
    const store = tx.objectStore(entity);
    for (const r of change.upserts ?? []) {
      // A record edited here and not yet sent keeps the local version until the outbox sends it.
      const old = await store.get(String(r.id));
      if (!old?.pending) await store.put(rowOf(entity, r));
    }
    for (const id of change.deletes ?? []) await store.delete(id);
  }
  await tx.objectStore('meta').put(page.cursor, 'cursor');
  await tx.done;
  rowsChanged();
}
