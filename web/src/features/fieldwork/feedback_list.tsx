// Feedback: the list (status, category, overdue; overdue records highlighted with their due
// date) and a small analysis panel (counts by category and by month, share closed on time, top
// tags) from /feedback/summary with the same filters.
import { query } from '../../api';
import { Check } from '../../components/form';
import { BarChart } from '../../components/bar_chart';
import { SelectField } from '../../components/form_fields';
import { Ltr } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { num, pct, todayIso } from '../../registry_data';
import { href } from '../../router';
import { createStore } from '../../store';
import type { Feedback, FeedbackSummary, Page } from '../../types';
import { categoryLabel, codeLabel, FeedbackStatus, useCategories } from './common';
import { FilterBox, ListSection, PagedResults, useFilters } from '../../components/lists';
import { useFetch } from '../../use_fetch';

const LIMIT = 50;

interface Filters {
  status: string;
  category: string;
  overdue: boolean;
  offset: number;
}

const filterStore = createStore<Filters>({ status: '', category: '', overdue: false, offset: 0 });

export function isOverdue(f: Feedback): boolean {
  return f.status !== 'closed' && f.due_on < todayIso();
}

export function FeedbackPage({ canLog }: { canLog: boolean }) {
  const { t } = useI18n();
  const cats = useCategories();
  const { f, set, setOffset } = useFilters(filterStore);
  const filters = {
    status: f.status,
    category: f.category,
    overdue: f.overdue ? 'true' : undefined,
  };

  const { data: page } = useFetch<Page<Feedback>>(
    '/feedback' + query({ ...filters, limit: LIMIT, offset: f.offset }),
  );

  return (
    <>
      <ListSection
        headingId="fb-heading"
        testid="feedback"
        title={t('fb.title')}
        actions={
          canLog && (
            <a class="button primary" href={href('feedback', 'new')} data-testid="feedback-new">
              {t('fb.new')}
            </a>
          )
        }
      >
        <Check
          label={t('fb.overdueOnly')}
          checked={f.overdue}
          testid="feedback-overdue-filter"
          onChange={(on) => set({ overdue: on })}
        />
        <FilterBox label={t('reg.filters')} open={!!(f.status || f.category)}>
          <SelectField
            label={t('fb.status')}
            value={f.status}
            onChange={(status) => set({ status })}
            testid="feedback-status-filter"
            options={[
              { value: '', label: t('reg.any') },
              ...['open', 'assigned', 'referred', 'responded', 'closed'].map((s) => ({
                value: s,
                label: codeLabel('fb.status.', s),
              })),
            ]}
          />
          <SelectField
            label={t('fb.category')}
            value={f.category}
            onChange={(category) => set({ category })}
            testid="feedback-category-filter"
            options={[
              { value: '', label: t('reg.any') },
              ...(cats ?? []).map((c) => ({ value: c.code, label: categoryLabel(cats, c.code) })),
            ]}
          />
        </FilterBox>
        <PagedResults
          page={page}
          testid="feedback"
          none={t('fb.none')}
          count={t('fb.count', { n: page?.total ?? 0 })}
          onOffset={setOffset}
        >
          {(items) => (
            <ul class="record-list" data-testid="feedback-list">
              {items.map((x) => {
                const late = isOverdue(x);
                return (
                  <li
                    key={x.id}
                    class={late ? 'overdue' : undefined}
                    data-testid="feedback-row"
                    data-id={x.id}
                    data-overdue={late}
                  >
                    <a class="record-link" href={href('feedback', x.id)}>
                      <span class="record-title">
                        {categoryLabel(cats, x.category)}
                        {x.sensitive && (
                          <>
                            {' '}
                            <span class="badge off">{t('fb.sensitiveBadge')}</span>
                          </>
                        )}
                      </span>
                      {x.description && (
                        <span class="record-text">
                          <bdi dir="auto">{x.description}</bdi>
                        </span>
                      )}
                      <span class="record-meta">
                        <Ltr>{x.received_on}</Ltr>
                        {x.area_name && (
                          <>
                            {' '}
                            · <bdi>{x.area_name}</bdi>
                          </>
                        )}{' '}
                        · {codeLabel('fb.channel.', x.channel)}
                      </span>
                      {x.status !== 'closed' && (
                        <span
                          class={late ? 'record-meta due late' : 'record-meta due'}
                          data-testid="feedback-due"
                        >
                          {late && <strong>{t('fb.overdue')}: </strong>}
                          {t('fb.due', { date: '\u2066' + x.due_on + '\u2069' })}
                        </span>
                      )}
                    </a>
                    <FeedbackStatus status={x.status} />
                  </li>
                );
              })}
            </ul>
          )}
        </PagedResults>
      </ListSection>
      <Analysis filters={filters} />
    </>
  );
}

function Analysis({ filters }: { filters: Record<string, string | undefined> }) {
  const { t } = useI18n();
  const cats = useCategories();
  const { data: sum } = useFetch<FeedbackSummary>('/feedback/summary' + query(filters));
  if (!sum) return null;

  const by = (k: 'category' | 'month') => {
    const m = new Map<string, number>();
    for (const c of sum.counts) m.set(c[k], (m.get(c[k]) ?? 0) + c.received);
    return [...m.entries()];
  };
  const bar = (k: string, label: string, n: number) => ({
    key: k,
    label,
    value: sum.received ? n / sum.received : 0,
    text: `${num(n)} (${pct(n, sum.received)})`,
  });
  const categories = by('category')
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => bar(c, categoryLabel(cats, c), n));
  const months = by('month')
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([m, n]) => bar(m, m, n));
  return (
    <section class="card" aria-labelledby="fb-analysis-heading" data-testid="feedback-analysis">
      <h2 id="fb-analysis-heading">{t('fb.analysis')}</h2>
      <div class="tiles">
        <div class="tile">
          <div class="tile-value" data-testid="fb-received">
            {num(sum.received)}
          </div>
          <div class="tile-label">{t('fb.received')}</div>
        </div>
        <div class="tile">
          <div class="tile-value">{num(sum.closed)}</div>
          <div class="tile-label">{t('fb.closed')}</div>
        </div>
        <div class="tile">
          <div class="tile-value" data-testid="fb-on-time">
            {sum.closed_on_time_share === null ? '–' : pct(sum.closed_on_time, sum.closed)}
          </div>
          <div class="tile-label">{t('fb.onTime')}</div>
        </div>
        <div class="tile">
          <div class="tile-value">{num(sum.open_overdue)}</div>
          <div class="tile-label">{t('fb.openOverdue')}</div>
        </div>
      </div>
      {categories.length > 0 && (
        <>
          <h3>{t('fb.byCategory')}</h3>
          <BarChart bars={categories} title={t('fb.byCategory')} testid="fb-chart-category" />
        </>
      )}
      {months.length > 0 && (
        <>
          <h3>{t('fb.byMonth')}</h3>
          <BarChart bars={months} title={t('fb.byMonth')} testid="fb-chart-month" />
        </>
      )}
      <h3>{t('fb.topTags')}</h3>
      {sum.top_tags.length === 0 ? (
        <p class="muted">{t('fb.noTags')}</p>
      ) : (
        <p class="badges" data-testid="fb-top-tags">
          {sum.top_tags.map((x) => (
            <span key={x.tag} class="badge neutral">
              <bdi dir="ltr">#{x.tag}</bdi> {num(x.count)}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
