// Activities: mine or all in my areas, filtered by status, type, topic and dates; and the
// supervisor's verification queue (submitted by others in their areas).
import { useState } from 'preact/hooks';
import { query } from '../../api';
import { Field, SelectField } from '../../components/form_fields';
import { Ltr } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { useConfig } from '../../registry_data';
import { href } from '../../router';
import { createStore } from '../../store';
import type { Activity, Page } from '../../types';
import { ActivityStatus, activityTypeLabel, codeLabel, topicLabel } from './common';
import { FilterBox, ListSection, PagedResults, useFilters } from '../../components/lists';
import { useFetch } from '../../use_fetch';

const LIMIT = 50;

interface Filters {
  mine: boolean;
  status: string;
  type: string;
  topic: string;
  from: string;
  to: string;
  offset: number;
}

const filterStore = createStore<Filters>({
  mine: true,
  status: '',
  type: '',
  topic: '',
  from: '',
  to: '',
  offset: 0,
});

export function ActivitiesPage({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const config = useConfig();
  const { f, set, setOffset } = useFilters(filterStore);

  const { data: page } = useFetch<Page<Activity>>(
    '/activities' +
      query({
        mine: f.mine ? 'true' : undefined,
        status: f.status,
        type: f.type,
        topic: f.topic,
        from: f.from,
        to: f.to,
        limit: LIMIT,
        offset: f.offset,
      }),
  );

  return (
    <ListSection
      headingId="act-heading"
      testid="activities"
      title={t('act.title')}
      actions={
        canWrite && (
          <a class="button primary" href={href('activities', 'new')} data-testid="activity-new">
            {t('act.new')}
          </a>
        )
      }
    >
      <div class="segmented" role="group" aria-label={t('act.show')}>
        <button
          type="button"
          class={f.mine ? 'primary' : 'secondary'}
          aria-pressed={f.mine}
          data-testid="activity-mine"
          onClick={() => set({ mine: true })}
        >
          {t('act.mine')}
        </button>
        <button
          type="button"
          class={!f.mine ? 'primary' : 'secondary'}
          aria-pressed={!f.mine}
          data-testid="activity-all"
          onClick={() => set({ mine: false })}
        >
          {t('act.all')}
        </button>
      </div>
      <FilterBox
        label={t('reg.filters')}
        open={!!(f.status || f.type || f.topic || f.from || f.to)}
      >
        <SelectField
          label={t('act.status')}
          value={f.status}
          onChange={(status) => set({ status })}
          testid="activity-status-filter"
          options={[
            { value: '', label: t('reg.any') },
            ...['draft', 'submitted', 'returned', 'verified'].map((s) => ({
              value: s,
              label: codeLabel('act.status.', s),
            })),
          ]}
        />
        <SelectField
          label={t('act.type')}
          value={f.type}
          onChange={(type) => set({ type })}
          testid="activity-type-filter"
          options={[
            { value: '', label: t('reg.any') },
            ...(config?.activity_types ?? []).map((o) => ({
              value: o.code,
              label: activityTypeLabel(config, o.code),
            })),
          ]}
        />
        <SelectField
          label={t('act.topics')}
          value={f.topic}
          onChange={(topic) => set({ topic })}
          testid="activity-topic-filter"
          options={[
            { value: '', label: t('reg.any') },
            ...(config?.topics ?? []).map((o) => ({
              value: o.code,
              label: topicLabel(config, o.code),
            })),
          ]}
        />
        <div class="form-row">
          <Field
            type="date"
            label={t('act.from')}
            value={f.from}
            onInput={(from) => set({ from })}
            testid="activity-from"
          />
          <Field
            type="date"
            label={t('act.to')}
            value={f.to}
            onInput={(to) => set({ to })}
            testid="activity-to"
          />
        </div>
      </FilterBox>
      <ActivityList page={page} empty={t('act.none')} onOffset={setOffset} />
    </ListSection>
  );
}

export function VerifyQueuePage() {
  const { t } = useI18n();
  const [offset, setOffset] = useState(0);
  const { data: page } = useFetch<Page<Activity>>(
    '/activities' + query({ queue: 'true', limit: LIMIT, offset }),
  );
  return (
    <section class="card" aria-labelledby="queue-heading" data-testid="verify-queue">
      <h1 id="queue-heading">{t('act.queue')}</h1>
      <p class="muted">{t('act.queueHint')}</p>
      <ActivityList page={page} empty={t('act.queueNone')} onOffset={setOffset} showAuthor />
    </section>
  );
}

// Also the training screens' list of events, each opening `link(a)`, named by `titleOf(a)` (its
// course) when it has no title.
export function ActivityList({
  page,
  empty,
  onOffset,
  showAuthor,
  link,
  titleOf,
}: {
  page: Page<Activity> | null;
  empty: string;
  onOffset: (n: number) => void;
  showAuthor?: boolean;
  link?: (a: Activity) => string;
  titleOf?: (a: Activity) => string;
}) {
  const { t } = useI18n();
  const config = useConfig();
  return (
    <PagedResults
      page={page}
      testid="activity"
      none={empty}
      count={t('act.count', { n: page?.total ?? 0 })}
      onOffset={onOffset}
    >
      {(items) => (
        <ul class="record-list" data-testid="activity-list">
          {items.map((a) => (
            <li key={a.id} data-testid="activity-row" data-id={a.id} data-status={a.status}>
              <a class="record-link" href={link ? link(a) : href('activities', a.id)}>
                <span class="record-title">
                  <bdi>{a.title || titleOf?.(a) || activityTypeLabel(config, a.type)}</bdi>
                </span>
                <span class="record-meta">
                  <Ltr>{a.held_on}</Ltr> · <bdi>{a.area_name}</bdi> ·{' '}
                  {t('act.total', { n: a.counted_total })}
                </span>
                {a.title && <span class="record-meta">{activityTypeLabel(config, a.type)}</span>}
                {showAuthor && a.author_name && (
                  <span class="record-meta">
                    {t('act.author')}: <bdi>{a.author_name}</bdi>
                  </span>
                )}
              </a>
              <ActivityStatus status={a.status} />
            </li>
          ))}
        </ul>
      )}
    </PagedResults>
  );
}
