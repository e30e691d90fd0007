// The field user's home: what to do next, not the area tree. Sessions a verifier returned for
// correction, forms left half-filled (drafts), what the outbox still holds, feedback due in the
// next days or overdue, and today's plan (today_plan.tsx). Each list is asked of the server when online and read from the phone's working set when
// not (or when the server cannot be reached).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, query } from '../../api';
import { ago } from '../../components/offline_status';
import { useI18n } from '../../i18n';
import { allRows, currentDb, type OutboxEntry } from '../../offline/db';
import { onDraftsChange } from '../../offline/drafts';
import { entries, onOutboxChange } from '../../offline/outbox';
import { offlineStore } from '../../offline/status';
import { useConfig } from '../../registry_data';
import { href } from '../../router';
import { useStore } from '../../store';
import type { Activity, Feedback, Page, Permission, User } from '../../types';
import {
  activityTypeLabel,
  ActivityStatus,
  categoryLabel,
  useCategories,
} from '../fieldwork/common';
import { TodayPlan } from './today_plan';
import { OverdueActionsCard } from '../supervision/overdue_card';
import { RiskAlerts } from '../community/alerts';

// Feedback shows here from this many days before its due date.
export const DUE_DAYS = 3;

interface Listed<T> {
  items: T[];
  // Read from the phone's working set.
  local: boolean;
}

const dayIso = (offset = 0) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

// From the server when online; from the working set offline or when the server is unreachable.
async function either<T>(
  server: () => Promise<T[]>,
  device: () => Promise<T[]>,
): Promise<Listed<T>> {
  if (navigator.onLine) {
    try {
      return { items: await server(), local: false };
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 0) throw e;
    }
  }
  return { items: await device(), local: true };
}

async function fromDevice<T>(entity: 'activities' | 'feedback', keep: (r: T) => boolean) {
  const rows = await allRows(entity);
  return rows.map((r) => r.r as T).filter(keep);
}

export function returnedActivities(user: User): Promise<Listed<Activity>> {
  return either(
    async () =>
      (
        await get<Page<Activity>>(
          '/activities' + query({ status: 'returned', mine: 'true', limit: 50 }),
        )
      ).items,
    () =>
      fromDevice<Activity>('activities', (a) => a.status === 'returned' && a.author_id === user.id),
  );
}

const isDue = (f: Feedback, until: string) =>
  f.status !== 'closed' && !!f.due_on && f.due_on.slice(0, 10) <= until;

export function dueFeedback(): Promise<Listed<Feedback>> {
  const until = dayIso(DUE_DAYS);
  return either(
    async () => {
      // Overdue ones (oldest due first), then recent ones due soon.
      const [late, recent] = await Promise.all([
        get<Page<Feedback>>('/feedback' + query({ overdue: 'true', limit: 50 })),
        get<Page<Feedback>>('/feedback' + query({ limit: 100 })),
      ]);
      const seen = new Set(late.items.map((f) => f.id));
      return [...late.items, ...recent.items.filter((f) => !seen.has(f.id) && isDue(f, until))];
    },
    () => fromDevice<Feedback>('feedback', (f) => isDue(f, until)),
  ).then((l) => ({ ...l, items: l.items.sort((a, b) => a.due_on.localeCompare(b.due_on)) }));
}

interface DraftInfo {
  key: string;
  saved_at: string;
  link: string;
  label: string;
}

// The drafts kept on this phone, newest first, each with the form it reopens.
async function drafts(t: ReturnType<typeof useI18n>['t']): Promise<DraftInfo[]> {
  const d = currentDb();
  if (!d) return [];
  const all = await (await d).getAll('drafts');
  return all
    .sort((a, b) => b.saved_at.localeCompare(a.saved_at))
    .map((x) => {
      const [kind, id] = x.key.split(':');
      const v = x.value as { f?: { head_name?: string }; title?: string; held_on?: string };
      const fresh = id === 'new';
      if (kind === 'household')
        return {
          key: x.key,
          saved_at: x.saved_at,
          link: fresh ? href('households', 'new') : href('households', id, 'edit'),
          label: t('home.draftHousehold', { name: v.f?.head_name?.trim() || t('home.draftNew') }),
        };
      if (kind === 'activity')
        return {
          key: x.key,
          saved_at: x.saved_at,
          link: fresh ? href('activities', 'new') : href('activities', id, 'edit'),
          label: t('home.draftActivity', {
            name: v.title?.trim() || v.held_on || t('home.draftNew'),
          }),
        };
      return {
        key: x.key,
        saved_at: x.saved_at,
        link: href('outbox'),
        label: t('home.draftOther', { name: x.key }),
      };
    });
}

export function HomePage({ user, can }: { user: User; can: (p: Permission) => boolean }) {
  const { t, lang } = useI18n();
  const config = useConfig();
  const cats = useCategories();
  const status = useStore(offlineStore);
  const [returned, setReturned] = useState<Listed<Activity> | null>(null);
  const [due, setDue] = useState<Listed<Feedback> | null>(null);
  const [kept, setKept] = useState<DraftInfo[] | null>(null);
  const [problems, setProblems] = useState<OutboxEntry[]>([]);

  useEffect(() => {
    returnedActivities(user)
      .then(setReturned)
      .catch(() => setReturned({ items: [], local: true }));
    dueFeedback()
      .then(setDue)
      .catch(() => setDue({ items: [], local: true }));
    const outbox = () => {
      drafts(t)
        .then(setKept)
        .catch(() => setKept([]));
      entries()
        .then((e) => setProblems(e.filter((x) => x.state !== 'waiting')))
        .catch(() => {});
    };
    outbox();
    const off = [onOutboxChange(outbox), onDraftsChange(outbox)];
    return () => off.forEach((f) => f());
    // The working set arrives after the first sync: read again when a sync ends.
  }, [status.last_synced, status.online]);

  const today = dayIso();
  const local = returned?.local || due?.local;
  return (
    <section class="card home" aria-labelledby="home-heading" data-testid="home">
      <h1 id="home-heading">{t('home.title')}</h1>
      {local && (
        <p class="notice" data-testid="home-local">
          {t('home.fromDevice')}
        </p>
      )}
      <div class="actions">
        {can('activity.write') && (
          <a
            class="button primary"
            href={href('activities', 'new')}
            data-testid="home-new-activity"
          >
            {t('act.new')}
          </a>
        )}
        {can('registry.write') && (
          <a
            class="button secondary"
            href={href('households', 'new')}
            data-testid="home-new-household"
          >
            {t('hh.new')}
          </a>
        )}
      </div>

      <RiskAlerts />

      <h2>{t('home.plan')}</h2>
      <TodayPlan user={user} today={today} config={config} />

      <OverdueActionsCard />

      <h2>{t('home.returned')}</h2>
      <ul class="home-list" data-testid="home-returned" data-count={returned?.items.length ?? ''}>
        {returned?.items.length === 0 && <li class="muted">{t('home.returnedNone')}</li>}
        {returned?.items.map((a) => (
          <li key={a.id} data-testid="home-returned-row" data-id={a.id}>
            <a href={href('activities', a.id, 'edit')}>
              {a.title || activityTypeLabel(config, a.type)} · {a.held_on}
            </a>{' '}
            <ActivityStatus status={a.status} />
            {a.return_comment && (
              <div class="hint">
                <bdi dir="auto">{t('home.returnedBy', { comment: a.return_comment })}</bdi>
              </div>
            )}
          </li>
        ))}
      </ul>

      <h2>{t('home.outbox')}</h2>
      <div data-testid="home-outbox" data-waiting={status.waiting} data-problems={status.problems}>
        {status.waiting + status.problems === 0 ? (
          <p class="muted">{t('home.outboxEmpty')}</p>
        ) : (
          <p>
            {status.waiting > 0 && t('offline.waiting', { n: status.waiting })}
            {status.waiting > 0 && status.problems > 0 && ' · '}
            {status.problems > 0 && t('offline.problems', { n: status.problems })}
          </p>
        )}
        {problems.length > 0 && (
          <ul class="home-list">
            {problems.map((e) => (
              <li key={e.seq} data-testid="home-problem">
                <a href={e.edit ? '#/' + e.edit : href('outbox')}>{e.label}</a>
                {e.error?.message && <div class="field-error">{e.error.message}</div>}
              </li>
            ))}
          </ul>
        )}
        <a href={href('outbox')} data-testid="home-outbox-link">
          {t('home.outboxOpen')}
        </a>
      </div>

      <h2>{t('home.drafts')}</h2>
      <ul class="home-list" data-testid="home-drafts" data-count={kept?.length ?? ''}>
        {kept?.length === 0 && <li class="muted">{t('home.draftsNone')}</li>}
        {kept?.map((d) => (
          <li key={d.key} data-testid="home-draft" data-key={d.key}>
            <a href={d.link}>
              <bdi dir="auto">{d.label}</bdi>
            </a>{' '}
            <span class="muted">{t('home.draftSaved', { when: ago(lang, d.saved_at) })}</span>
          </li>
        ))}
      </ul>

      <h2>{t('home.due')}</h2>
      <ul class="home-list" data-testid="home-due" data-count={due?.items.length ?? ''}>
        {due?.items.length === 0 && <li class="muted">{t('home.dueNone', { days: DUE_DAYS })}</li>}
        {due?.items.map((f) => {
          const day = f.due_on.slice(0, 10);
          return (
            <li key={f.id} data-testid="home-due-row" data-id={f.id}>
              <a href={href('feedback', f.id)}>{categoryLabel(cats, f.category)}</a>{' '}
              <span class={day < today ? 'field-error' : 'muted'}>
                {day < today ? t('home.overdue', { date: day }) : t('home.dueOn', { date: day })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
