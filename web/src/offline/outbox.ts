// The outbox: every field write is queued here with its client id (contract14 §1) and sent in
// the order it was made, while the app is open and online, with retries and backoff. A network
// failure or a 5xx waits and retries (the id makes a repeat harmless); a refusal (4xx) stays
// with the server's field errors for the user to fix or discard; a 409 on an update keeps both
// versions for the user to choose. Nothing leaves the outbox except by being sent or by the
// user's explicit choice.
import { ApiError, request, upload } from '../api';
import {
  currentDb,
  isEntity,
  rowOf,
  rowsChanged,
  type DB,
  type Entity,
  type OutboxEntry,
} from './db';
import { offlineStore, patchStatus } from './status';

export type NewEntry = Pick<
  OutboxEntry,
  | 'record'
  | 'entity'
  | 'kind'
  | 'method'
  | 'path'
  | 'body'
  | 'blob'
  | 'mime'
  | 'deps'
  | 'label'
  | 'edit'
  | 'fresh_version'
  | 'form'
>;

const listeners = new Set<() => void>();
export function onOutboxChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

function db(): Promise<DB> {
  const d = currentDb();
  if (!d) throw new Error('not signed in');
  return d;
}

// Queues a write; with `local`, the record as the device shows it until the server answers.
// A second write of the same kind to a record whose earlier one is not sent yet (or was refused)
// replaces it, so the server sees one create (or one update) with the latest content.
export async function enqueue(
  e: NewEntry,
  local?: { entity: Entity; record: Record<string, unknown> },
): Promise<number> {
  const d = await db();
  const tx = d.transaction(['outbox', ...(local ? [local.entity] : [])], 'readwrite');
  const store = tx.objectStore('outbox');
  const earlier = (await store.index('record').getAll(e.record)).filter(
    (x) =>
      e.kind !== 'upload' &&
      x.kind === e.kind &&
      x.path === e.path &&
      x.state !== 'conflict' &&
      x.seq !== inflight,
  );
  let seq: number;
  const prev = earlier[0];
  if (prev) {
    await store.put({
      ...prev,
      body: e.body,
      label: e.label,
      form: e.form,
      state: 'waiting',
      attempts: 0,
      next_at: 0,
      error: undefined,
    });
    seq = prev.seq!;
  } else {
    seq = await store.add({
      ...e,
      state: 'waiting',
      attempts: 0,
      next_at: 0,
      created_at: new Date().toISOString(),
    });
  }
  if (local) await tx.objectStore(local.entity).put(rowOf(local.entity, local.record, true));
  await tx.done;
  if (local) rowsChanged(local.entity);
  changed();
  return seq;
}

export async function entries(): Promise<OutboxEntry[]> {
  const d = currentDb();
  return d ? (await d).getAll('outbox') : [];
}

// The refused or conflicting entry of a record (a form shows its errors), if any.
export async function problemOf(record: string): Promise<OutboxEntry | undefined> {
  const d = currentDb();
  if (!d) return undefined;
  const list = await (await d).getAllFromIndex('outbox', 'record', record);
  return list.find((x) => x.state !== 'waiting');
}

// The user's choices for a refused or conflicting entry.
export async function discard(seq: number): Promise<void> {
  const d = await db();
  const e = await d.get('outbox', seq);
  if (!e) return;
  const tx = d.transaction(['outbox', ...(isEntity(e.entity) ? [e.entity] : [])], 'readwrite');
  await tx.objectStore('outbox').delete(seq);
  // A record made only here disappears with its create; an edit's local copy goes back to the
  // server's version at the next sync.
  if (isEntity(e.entity)) {
    const store = tx.objectStore(e.entity);
    const row = await store.get(e.record);
    if (row?.pending) {
      if (e.kind === 'create') await store.delete(e.record);
      else await store.put({ ...row, pending: false });
    }
    rowsChanged(e.entity);
  }
  await tx.done;
  changed();
}

// A record made on this phone and never sent, dropped at the user's request (its "delete"):
// its create, the writes queued after it and those that depend on it, and its local copy.
// False when the server already has the record (then it is deleted there, online).
export async function dropUnsent(entity: Entity, record: string): Promise<boolean> {
  const d = await db();
  const all = await d.getAll('outbox');
  if (!all.some((x) => x.record === record && x.kind === 'create')) return false;
  const gone = new Set([record]);
  const tx = d.transaction(['outbox', entity], 'readwrite');
  for (const x of all)
    if (gone.has(x.record) || x.deps.some((dep) => gone.has(dep))) {
      gone.add(x.record);
      await tx.objectStore('outbox').delete(x.seq!);
    }
  await tx.objectStore(entity).delete(record);
  await tx.done;
  rowsChanged(entity);
  changed();
  return true;
}

// Conflict: "keep mine" sends my version again over the server's current one.
export async function keepMine(seq: number): Promise<void> {
  const d = await db();
  const e = await d.get('outbox', seq);
  const current = e?.error?.current as { version?: number } | undefined;
  if (!e || !current) return;
  await d.put('outbox', {
    ...e,
    body: { ...(e.body as object), version: current.version },
    state: 'waiting',
    attempts: 0,
    next_at: 0,
    error: undefined,
  });
  changed();
}

// Conflict: "take theirs" drops my edit and keeps the server's record.
export async function takeTheirs(seq: number): Promise<void> {
  const d = await db();
  const e = await d.get('outbox', seq);
  if (!e) return;
  if (!isEntity(e.entity)) {
    await d.delete('outbox', seq);
    changed();
    return;
  }
  const current = e.error?.current as Record<string, unknown> | undefined;
  const tx = d.transaction(['outbox', e.entity], 'readwrite');
  await tx.objectStore('outbox').delete(seq);
  if (current) await tx.objectStore(e.entity).put(rowOf(e.entity, current));
  await tx.done;
  rowsChanged(e.entity);
  changed();
}

// The server's last answer per record sent while the app is open (a form shows its warnings).
export const answers = new Map<string, unknown>();

// After a form queued the writes of `records` and the outbox tried to send them: 'sent' (all
// answered), 'queued' (waiting for the network), or the first refused or conflicting entry.
export async function outcome(records: string[]): Promise<'sent' | 'queued' | OutboxEntry> {
  await flush();
  const left = (await entries()).filter((e) => records.includes(e.record));
  return left.find((e) => e.state !== 'waiting') ?? (left.length ? 'queued' : 'sent');
}

// Sending ------------------------------------------------------------------------------------

let inflight: number | undefined;
let running: Promise<void> | null = null;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let afterEmpty: () => void = () => {};

export function setAfterEmpty(f: () => void): void {
  afterEmpty = f;
}

// Backoff after the n-th failed attempt: 2 s, 4 s, 8 s ... at most 5 minutes.
export const backoff = (attempts: number) => Math.min(2000 * 2 ** (attempts - 1), 300000);

// Sends what can be sent now; resolves when the queue is empty or waits for the network.
export function flush(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await sendAll();
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

async function sendAll(): Promise<void> {
  const dbp = currentDb();
  if (!dbp) return;
  const d = await dbp;
  if (timer) clearTimeout(timer);
  let sent = 0;
  const blocked = new Set<string>();
  for (const e of await d.getAll('outbox')) {
    if (e.state !== 'waiting' || blocked.has(e.record) || e.deps.some((x) => blocked.has(x))) {
      // Later writes to a refused record, and writes that name it, wait for the user's choice.
      blocked.add(e.record);
      continue;
    }
    if (!navigator.onLine) break;
    if (e.next_at > Date.now()) {
      timer = setTimeout(() => flush(), e.next_at - Date.now());
      break;
    }
    const outcome = await sendOne(d, e);
    if (outcome === 'sent') sent++;
    else if (outcome === 'refused') blocked.add(e.record);
    else break; // retry later, in order
  }
  await counts(d, sent);
  if (sent > 0 && (await d.count('outbox')) === 0) afterEmpty();
}

async function sendOne(d: DB, e: OutboxEntry): Promise<'sent' | 'retry' | 'refused'> {
  inflight = e.seq;
  try {
    let body = e.body;
    if (e.fresh_version && isEntity(e.entity)) {
      const row = await d.get(e.entity, e.record);
      const version = (row?.r as { version?: number } | undefined)?.version;
      if (version !== undefined) body = { ...(body as object), version };
    }
    const answer =
      e.kind === 'upload'
        ? await upload<Record<string, unknown>>(e.path, e.blob!, e.mime ?? 'image/jpeg', (f) =>
            showUpload(f),
          )
        : await request<Record<string, unknown>>(e.method, e.path, body);
    answers.set(e.record, answer);
    const tx = d.transaction(['outbox', ...(isEntity(e.entity) ? [e.entity] : [])], 'readwrite');
    await tx.objectStore('outbox').delete(e.seq!);
    if (isEntity(e.entity) && answer && typeof answer === 'object' && answer.id === e.record) {
      const more = await tx.objectStore('outbox').index('record').count(e.record);
      await tx.objectStore(e.entity).put(rowOf(e.entity, answer, more > 0));
    }
    await tx.done;
    if (isEntity(e.entity)) rowsChanged(e.entity);
    return 'sent';
  } catch (err) {
    const status = err instanceof ApiError ? err.status : 0;
    const retry = status === 0 || status >= 500 || status === 429 || status === 401;
    const error =
      err instanceof ApiError
        ? {
            status,
            code: err.code,
            message: err.message,
            fields: err.fields,
            field_codes: err.fieldCodes,
            current: err.current,
          }
        : { status: 0, code: 'network', message: String(err), fields: {} };
    if (retry) {
      const attempts = e.attempts + 1;
      await d.put('outbox', { ...e, attempts, next_at: Date.now() + backoff(attempts), error });
      if (status !== 401) {
        clearTimeout(timer);
        timer = setTimeout(() => flush(), backoff(attempts));
      }
      return 'retry';
    }
    const conflict = status === 409 && e.kind === 'update' && !!error.current;
    await d.put('outbox', { ...e, state: conflict ? 'conflict' : 'failed', error });
    return 'refused';
  } finally {
    inflight = undefined;
    if (e.kind === 'upload') patchStatus({ uploading: null });
  }
}

// A photo's upload progress on the status line and in the outbox, in whole percents (a status
// change per percent at most: a 300 KB photo over 2G reports progress many times a second).
function showUpload(fraction: number): void {
  const pct = Math.min(100, Math.floor(fraction * 100));
  if (offlineStore.get().uploading !== pct) patchStatus({ uploading: pct });
}

export async function counts(d?: DB, sent = 0): Promise<void> {
  const dbp = d ?? (await currentDb());
  if (!dbp) return;
  const all = await dbp.getAll('outbox');
  const waiting = all.filter((x) => x.state === 'waiting').length;
  patchStatus({ waiting, problems: all.length - waiting });
  if (sent) patchStatus({ sent: offlineStore.get().sent + sent });
  for (const l of [...listeners]) l();
}

function changed(): void {
  counts().catch(() => {});
  flush().catch(() => {});
}

// The entry of `kind` queued for `record` (in any state), if any.
export async function problemOrQueued(
  record: string,
  kind: OutboxEntry['kind'],
): Promise<OutboxEntry | undefined> {
  const d = currentDb();
  if (!d) return undefined;
  return (await (await d).getAllFromIndex('outbox', 'record', record)).find((x) => x.kind === kind);
}
