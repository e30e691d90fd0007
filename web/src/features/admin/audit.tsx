// Audit log for admins: filter by record type, user and date range; newest first.
import { useEffect, useState } from 'preact/hooks';
import { get, query } from '../../api';
import { Field, SelectField } from '../../components/form_fields';
import { hasKey, useI18n } from '../../i18n';
import type { AuditEntry, Page, User } from '../../types';
import { PagedTable } from '../../components/lists';
import { useFetch } from '../../use_fetch';

const ENTITIES = ['area', 'user', 'session', 'token', 'area_level', 'device'] as const;
const LIMIT = 50;
const WIDE = typeof matchMedia === 'function' && matchMedia('(min-width: 760px)').matches;

interface Filters {
  entity: string;
  user_id: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { entity: '', user_id: '', from: '', to: '' };

export function AuditPage() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [users, setUsers] = useState<User[]>([]);

  useEffect(() => {
    get<Page<User>>('/users' + query({ limit: 500 }))
      .then((p) => setUsers(p.items))
      .catch(() => setUsers([]));
  }, []);

  const { data: page } = useFetch<Page<AuditEntry>>(
    '/audit' +
      query({
        entity: filters.entity,
        user_id: filters.user_id,
        from: filters.from ? filters.from + 'T00:00:00Z' : '',
        to: filters.to ? filters.to + 'T23:59:59Z' : '',
        limit: LIMIT,
        offset,
      }),
  );

  const set = (k: keyof Filters) => (v: string) => setDraft({ ...draft, [k]: v });
  const entityLabel = (e: string) =>
    hasKey('entity.' + e) ? t(('entity.' + e) as 'entity.area') : e;
  const actionLabel = (a: string) =>
    hasKey('action.' + a) ? t(('action.' + a) as 'action.create') : a;

  return (
    <section class="card" aria-labelledby="audit-heading">
      <h1 id="audit-heading">{t('audit.title')}</h1>
      {/* Folded on a phone so the entries come first; open on a wide screen. */}
      <details class="filter-box" open={WIDE}>
        <summary>{t('audit.filters')}</summary>
        <form
          class="filters"
          data-testid="audit-filters"
          onSubmit={(e) => {
            e.preventDefault();
            setOffset(0);
            setFilters(draft);
          }}
        >
          <SelectField
            label={t('audit.entity')}
            value={draft.entity}
            onChange={set('entity')}
            testid="audit-entity"
            options={[
              { value: '', label: t('audit.anyEntity') },
              ...ENTITIES.map((e) => ({ value: e, label: entityLabel(e) })),
            ]}
          />
          <SelectField
            label={t('audit.user')}
            value={draft.user_id}
            onChange={set('user_id')}
            testid="audit-user"
            options={[
              { value: '', label: t('audit.anyUser') },
              ...users.map((u) => ({ value: u.id, label: `${u.username} — ${u.full_name}` })),
            ]}
          />
          <Field
            type="date"
            label={t('audit.from')}
            value={draft.from}
            onInput={set('from')}
            testid="audit-from"
          />
          <Field
            type="date"
            label={t('audit.to')}
            value={draft.to}
            onInput={set('to')}
            testid="audit-to"
          />
          <div class="filters-submit">
            <button type="submit" class="primary" data-testid="audit-apply">
              {t('audit.apply')}
            </button>
          </div>
        </form>
      </details>
      <PagedTable
        page={page}
        testid="audit"
        tableTestid="audit-table"
        none={t('audit.none')}
        onOffset={setOffset}
        row={(e) => ({
          key: e.id,
          'data-testid': 'audit-row',
          'data-entity': e.entity,
          'data-action': e.action,
        })}
        columns={[
          {
            label: t('audit.at'),
            cell: (e) => (
              <time dateTime={e.at} dir="ltr">
                {localTime(e.at)}
              </time>
            ),
          },
          {
            label: t('audit.user'),
            cell: (e) => (
              <>
                <bdi dir="ltr">{e.username ?? '—'}</bdi>
                {e.device && (
                  <div class="muted small" data-testid="audit-device" title={e.device.id}>
                    {t('audit.device')}: <bdi dir="auto">{e.device.name}</bdi>
                  </div>
                )}
              </>
            ),
          },
          { label: t('audit.action'), cell: (e) => actionLabel(e.action) },
          {
            label: t('audit.record'),
            cell: (e) => (
              <>
                {entityLabel(e.entity)}{' '}
                {e.entity_id && (
                  <span class="muted small short-id" dir="ltr" title={e.entity_id}>
                    …{e.entity_id.slice(-6)}
                  </span>
                )}
              </>
            ),
          },
          { label: t('audit.changes'), cell: (e) => <Changes e={e} /> },
        ]}
      />
    </section>
  );
}

// What an entry changed: the record before and after, folded.
function Changes({ e }: { e: AuditEntry }) {
  const { t } = useI18n();
  if (e.before == null && e.after == null) return null;
  return (
    <details>
      <summary>{t('common.details')}</summary>
      {e.before != null && (
        <>
          <div class="small-heading">{t('audit.before')}</div>
          <pre dir="ltr">{JSON.stringify(e.before, null, 1)}</pre>
        </>
      )}
      {e.after != null && (
        <>
          <div class="small-heading">{t('audit.after')}</div>
          <pre dir="ltr">{JSON.stringify(e.after, null, 1)}</pre>
        </>
      )}
    </details>
  );
}

// Local time as YYYY-MM-DD HH:MM: short on a phone and the same in every language.
function localTime(iso: string): string {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
