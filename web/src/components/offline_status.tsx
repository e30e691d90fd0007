// The line under the top bar that always tells the field user where their work is: offline or
// not, how many entries wait to be sent or need attention, the first download's progress, and
// when the phone last synced. It links to the outbox screen.
import { useEffect, useState } from 'preact/hooks';
import { intlLocale, translate, useI18n, type Lang } from '../i18n';
import { offlineStore } from '../offline/status';
import { href } from '../router';
import { useStore } from '../store';
import { relativeTimeFormat } from '../i18n/format';

// "2 hours ago" in the user's language: by Intl where the browser has the language's data, else
// from our own tables (Chromium's own build has no Pashto relative times and answers in English).
export function ago(lang: Lang, iso: string, now = Date.now()): string {
  const s = Math.round((Date.parse(iso) - now) / 1000);
  const a = Math.abs(s);
  const rtf = relativeTimeFormat(lang);
  if (rtf.resolvedOptions().locale.split('-')[0] !== intlLocale(lang, 'auto').split('-')[0]) {
    if (a < 60) return translate(lang, 'time.now');
    if (a < 3600) return translate(lang, 'time.minutesAgo', { n: Math.round(a / 60) });
    if (a < 86400) return translate(lang, 'time.hoursAgo', { n: Math.round(a / 3600) });
    return translate(lang, 'time.daysAgo', { n: Math.round(a / 86400) });
  }
  if (a < 60) return rtf.format(0, 'second');
  if (a < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (a < 86400) return rtf.format(Math.round(s / 3600), 'hour');
  return rtf.format(Math.round(s / 86400), 'day');
}

export function OfflineStatusBar() {
  const { t, lang } = useI18n();
  const s = useStore(offlineStore);
  // Re-render each minute so "5 minutes ago" stays true.
  const [, tick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => tick((n) => n + 1), 60000);
    return () => clearInterval(id);
  }, []);
  if (s.phase === 'off') return null;
  const parts: string[] = [];
  if (!s.online) parts.push(t('offline.offline'));
  if (s.problems) parts.push(t('offline.problems', { n: s.problems }));
  if (s.waiting) parts.push(t('offline.waiting', { n: s.waiting }));
  if (s.uploading !== null) parts.push(t('offline.uploading', { pct: s.uploading }));
  else if (s.sent && !s.problems) parts.push(t('offline.sent'));
  if (s.phase === 'syncing')
    parts.push(
      s.total ? t('offline.syncing', { done: s.done, total: s.total }) : t('offline.syncingShort'),
    );
  else if (s.last_synced) parts.push(t('offline.lastSynced', { when: ago(lang, s.last_synced) }));
  const warn = s.problems > 0 || !s.online;
  return (
    <a
      href={href('outbox')}
      class={warn ? 'offline-bar warn' : 'offline-bar'}
      data-testid="offline-status"
      data-online={s.online ? '1' : '0'}
      data-waiting={s.waiting}
      data-problems={s.problems}
      data-phase={s.phase}
      data-synced={s.last_synced ? '1' : '0'}
    >
      <span aria-hidden="true" class="offline-dot" />
      {parts.join(' · ') || t('offline.neverSynced')}
      {s.uploading !== null && (
        <progress max={100} value={s.uploading} data-testid="upload-progress" />
      )}
      {s.phase === 'syncing' && s.total > 0 && (
        <progress max={s.total} value={s.done} data-testid="sync-progress" />
      )}
    </a>
  );
}
