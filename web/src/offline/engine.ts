// Runs the device store for the signed-in user: opens it, asks for persistent storage, syncs the
// working set (first pass at once, then every few minutes while the app is open and online, on
// the `online` event and after the outbox empties) and sends the outbox. Loaded in its own chunk
// by status.ts after sign-in.
import { closeUserDb, openUserDb, persist, type DB } from './db';
import { counts, flush, setAfterEmpty } from './outbox';
import { patchStatus } from './status';
import { syncNow } from './sync';
import { restoreSession } from '../session';
import { loadMessages } from '../i18n';
import { fieldworkStrings } from '../features/fieldwork/strings';
import { registryStrings } from '../features/registry/strings';
import { trainingsStrings } from '../features/trainings/strings';
import { teamStrings } from '../features/team/strings';
import { booksStrings } from '../features/books/strings';

// The field screens' string tables in the user's language, fetched while online so that the
// service worker keeps them: a screen first opened offline still has its words.
function warmStrings(): void {
  if (navigator.onLine)
    loadMessages(
      registryStrings,
      fieldworkStrings,
      trainingsStrings,
      teamStrings,
      booksStrings,
    ).catch(() => {});
}

const INTERVAL = 5 * 60 * 1000;
let user: string | null = null;
let timer: ReturnType<typeof setInterval> | undefined;

// Back online: the session is asked again first (an offline start has no CSRF token yet).
function online(): void {
  patchStatus({ online: true });
  restoreSession()
    .catch(() => {})
    .then(() => flush())
    .catch(() => {});
  run();
}
function offline(): void {
  patchStatus({ online: false });
}

let db: Promise<DB> | null = null;
function run(): void {
  if (!db || !navigator.onLine) return;
  db.then((d) => syncNow(d)).catch(() => {});
}

export function start(userId: string): void {
  if (user === userId) return;
  stop();
  user = userId;
  db = openUserDb(userId);
  db.then(async (d) => {
    // 'idle' at once: started offline, no sync pass runs, and the status line must still show.
    patchStatus({
      phase: 'idle',
      last_synced: ((await d.get('meta', 'last_synced')) as string) ?? null,
    });
    await counts(d);
    persist();
    warmStrings();
    flush().catch(() => {});
    run();
  }).catch(() => patchStatus({ phase: 'error' }));
  setAfterEmpty(run);
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  timer = setInterval(run, INTERVAL);
}

export function stop(): void {
  if (!user) return;
  user = null;
  db = null;
  clearInterval(timer);
  window.removeEventListener('online', online);
  window.removeEventListener('offline', offline);
  closeUserDb();
}

export { syncNow };
