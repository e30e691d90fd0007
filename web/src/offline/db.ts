// The device's store: one IndexedDB database per signed-in user (so a shared phone never mixes
// two users' records or queues), opened through `idb`. Stores:
// - one per synced entity (the working set): rows {id, area_id, p: area path, s: folded search
//   text, r: the record as its detail GET answers it, pending: saved here, not yet on the server};
// - `meta`: key/value (sync cursor, last synced time);
// - `outbox`: queued writes in the order they were made (see outbox.ts);
// - `drafts`: half-filled forms by key (see drafts.ts).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { fold } from './fold';
import type { FieldCode } from '../api';

// In the order the sync feed sends them (references stay valid).
export const ENTITIES = [
  'areas',
  'courses',
  'institutions',
  'households',
  'memberships',
  'activities',
  'feedback',
] as const;
export type Entity = (typeof ENTITIES)[number];

export const isEntity = (e: string): e is Entity => (ENTITIES as readonly string[]).includes(e);

export interface Row {
  id: string;
  area_id: string;
  p: string;
  s: string;
  r: Record<string, unknown>;
  pending?: boolean;
}

export interface OutboxError {
  status: number;
  code: string;
  message: string;
  fields: Record<string, string>;
  // The same keys as a code and parameters, for the app to word in the user's language.
  field_codes?: Record<string, FieldCode>;
  current?: unknown;
}

export interface OutboxEntry {
  seq?: number;
  // The record the write makes or changes (its client id for a create), and the ids of the
  // records that must reach the server first (a household before the activity naming its people).
  record: string;
  // 'files', 'people' and 'trainees' (a training's scores) are sent but kept in no store of
  // their own (a person is in its household, scores in their activity's attendance).
  // 'diaries' and 'meetings' (a group's meeting, sent whole) too: read back from the outbox.
  entity: Entity | 'files' | 'people' | 'trainees' | 'diaries' | 'meetings';
  kind: 'create' | 'update' | 'upload';
  method: 'POST' | 'PATCH' | 'PUT';
  path: string;
  body?: unknown;
  blob?: Blob;
  mime?: string;
  deps: string[];
  // What the user sees in the outbox ("Household: Gul Bibi") and the screen that edits it.
  label: string;
  edit?: string;
  // Send with the record's version as the device last heard it from the server (a submit
  // queued after the record's own create or edit, whose answers bring the version).
  fresh_version?: boolean;
  // The form's own state when the body alone cannot refill it (a diary's chosen areas with their
  // names): "Fix" reopens the form from it.
  form?: unknown;
  state: 'waiting' | 'failed' | 'conflict';
  attempts: number;
  next_at: number;
  created_at: string;
  error?: OutboxError;
}

export interface Draft {
  key: string;
  saved_at: string;
  value: unknown;
}

interface Schema extends DBSchema {
  meta: { key: string; value: unknown };
  outbox: { key: number; value: OutboxEntry; indexes: { record: string } };
  drafts: { key: string; value: Draft };
  areas: EntityStore;
  courses: EntityStore;
  institutions: EntityStore;
  households: EntityStore;
  memberships: EntityStore;
  activities: EntityStore;
  feedback: EntityStore;
}
interface EntityStore {
  key: string;
  value: Row;
  indexes: { area_id: string; p: string };
}

export type DB = IDBPDatabase<Schema>;

let current: { user: string; db: Promise<DB> } | null = null;
// Resolved with the first database opened (screens that read before sign-in finishes wait).
let opened: (db: Promise<DB>) => void = () => {};
export const firstDb: Promise<Promise<DB>> = new Promise((ok) => (opened = ok));

// The signed-in user's database (opened on first use).
export function openUserDb(userId: string): Promise<DB> {
  if (current?.user === userId) return current.db;
  const db = openDB<Schema>('mobilise-' + userId, 1, {
    upgrade(d) {
      d.createObjectStore('meta');
      d.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex(
        'record',
        'record',
      );
      d.createObjectStore('drafts', { keyPath: 'key' });
      for (const e of ENTITIES) {
        const s = d.createObjectStore(e, { keyPath: 'id' });
        s.createIndex('area_id', 'area_id');
        s.createIndex('p', 'p');
      }
    },
  });
  current = { user: userId, db };
  opened(db);
  return db;
}

// The database of the user signed in now; null when nobody is.
export function currentDb(): Promise<DB> | null {
  return current?.db ?? null;
}

export function closeUserDb(): void {
  const c = current;
  current = null;
  rowsChanged();
  c?.db.then((d) => d.close()).catch(() => {});
}

const SEARCHED = ['name', 'name_local', 'code', 'head_name', 'head_father_name', 'title'];

// The stored row of a record: its area, its area path and its folded search text.
export function rowOf(entity: Entity, r: Record<string, unknown>, pending = false): Row {
  const text: string[] = [];
  for (const k of SEARCHED) if (typeof r[k] === 'string') text.push(r[k] as string);
  if (Array.isArray(r.people))
    for (const p of r.people as { name?: string }[]) if (p.name) text.push(p.name);
  const areaId = entity === 'areas' ? String(r.id) : String(r.area_id ?? '');
  const ancestors = (r.ancestors as { id: string }[] | undefined) ?? [];
  const path =
    typeof r.area_path === 'string'
      ? r.area_path
      : entity === 'areas'
        ? [...ancestors.map((a) => a.id), String(r.id)].join('/')
        : '';
  const row: Row = { id: String(r.id), area_id: areaId, p: path, s: fold(text.join(' ')), r };
  if (pending) row.pending = true;
  return row;
}

// Asks the browser to keep the store when space runs short (best effort; answers whether it will).
export async function persist(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

export async function usage(): Promise<{ usage: number; quota: number } | null> {
  try {
    const e = await navigator.storage?.estimate?.();
    return e ? { usage: e.usage ?? 0, quota: e.quota ?? 0 } : null;
  } catch {
    return null;
  }
}

// The working set's rows of an entity, read once and kept in memory for pickers and lists (on a
// slow phone a cursor over 2,000 households takes seconds, a filter over an array milliseconds).
// Every write to an entity store calls rowsChanged(entity), so the next read is fresh.
const cached = new Map<Entity, Promise<Row[]>>();

export function rowsChanged(entity?: Entity): void {
  if (entity) cached.delete(entity);
  else cached.clear();
}

export async function allRows(entity: Entity): Promise<Row[]> {
  const d = current?.db;
  if (!d) return [];
  let rows = cached.get(entity);
  if (!rows) {
    rows = d.then((db) => db.getAll(entity));
    cached.set(entity, rows);
    rows.catch(() => cached.delete(entity));
  }
  return rows;
}
