// Supervision visits: the list (by area, newest first) and one visit with its checklist scores,
// what was seen, the feedback given and the actions agreed, followed up in place.
import { query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Crumbs, Facts, Ltr } from '../../components/registry_bits';
import { ListSection, PagedResults, useFilters } from '../../components/lists';
import { useI18n } from '../../i18n';
import { num, useConfig } from '../../registry_data';
import { href } from '../../router';
import { createStore } from '../../store';
import type { Page, User } from '../../types';
import { useFetch } from '../../use_fetch';
import { ActionList } from './actions';
import { SupervisionTabs } from './common';
import type { SupervisionVisit } from './types';

const LIMIT = 50;
export const visitFilters = createStore<{ area: PickedArea | null; offset: number }>({
  area: null,
  offset: 0,
});

// Who or what was supervised: the staff member, the institution, else the place.
const subjectOf = (v: SupervisionVisit) =>
  [v.staff_name, v.institution_name].filter(Boolean).join(' · ') || v.area_name;

export function VisitsPage({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const { f, set, setOffset } = useFilters(visitFilters);
  const { data: page } = useFetch<Page<SupervisionVisit>>(
    '/supervision-visits' + query({ area: f.area?.id, limit: LIMIT, offset: f.offset }),
  );
  return (
    <ListSection
      headingId="sup-heading"
      testid="sup-visits"
      title={t('sup.title')}
      tabs={<SupervisionTabs current="visits" />}
      actions={
        canWrite && (
          <a class="button primary" href={href('supervision', 'new')} data-testid="sup-visit-new">
            {t('sup.newVisit')}
          </a>
        )
      }
    >
      <AreaPicker
        label={t('sup.area')}
        value={f.area}
        onChange={(area) => set({ area })}
        clearable
        testid="sup-area-filter"
      />
      <PagedResults page={page} testid="sup-visit" none={t('sup.noVisits')} onOffset={setOffset}>
        {(items) => (
          <ul class="record-list" data-testid="sup-visit-list">
            {items.map((v) => (
              <li key={v.id} data-testid="sup-visit-row" data-id={v.id}>
                <a
                  class="record-link"
                  href={href('supervision', v.id)}
                  data-testid="sup-visit-open"
                >
                  <span class="record-title">
                    <bdi>{subjectOf(v)}</bdi>
                  </span>
                  <span class="record-meta">
                    <Ltr>{v.visited_on}</Ltr> · <bdi>{v.area_name}</bdi>
                  </span>
                </a>
                {v.grade !== null && v.score !== null && (
                  <span class="badge grade" data-testid="sup-visit-grade">
                    {t('sup.score', { score: num(v.score, 1), grade: v.grade })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </PagedResults>
    </ListSection>
  );
}

export function VisitPage(p: { id: string; user: User; supervisor: boolean }) {
  const { t } = useI18n();
  const config = useConfig();
  const { data: v, reload } = useFetch<SupervisionVisit>(
    `/supervision-visits/${encodeURIComponent(p.id)}`,
  );
  if (!v)
    return (
      <section class="card">
        <SupervisionTabs current="visits" />
        <p class="muted">{t('common.loading')}</p>
      </section>
    );
  const list = config?.checklists.find((c) => c.code === v.checklist);
  const title = t('sup.visitOf', { date: v.visited_on });
  return (
    <section class="card" aria-labelledby="sup-visit-heading" data-testid="sup-visit">
      <SupervisionTabs current="visits" />
      <Crumbs items={[{ href: href('supervision'), label: t('sup.visits') }]} current={title} />
      <h1 id="sup-visit-heading">{title}</h1>
      <Facts
        rows={[
          [t('sup.area'), <bdi>{v.area_name}</bdi>],
          [t('sup.supervisor'), v.supervisor_name && <bdi>{v.supervisor_name}</bdi>],
          [t('sup.staff'), v.staff_name && <bdi>{v.staff_name}</bdi>, 'sup-visit-staff'],
          [t('sup.institution'), v.institution_name && <bdi>{v.institution_name}</bdi>],
          [
            t('sup.checklist'),
            list &&
              v.score !== null &&
              `${list.name} — ${t('sup.score', { score: num(v.score, 1), grade: v.grade ?? '' })}`,
            'sup-visit-score',
          ],
          [t('sup.observations'), v.observations && <bdi class="pre-line">{v.observations}</bdi>],
          [t('sup.strengths'), v.strengths && <bdi class="pre-line">{v.strengths}</bdi>],
          [t('sup.feedback'), v.feedback && <bdi class="pre-line">{v.feedback}</bdi>],
        ]}
      />
      {list && (
        <ul class="score-list" data-testid="sup-visit-answers">
          {list.items.map((i) => (
            <li key={i.code}>
              <bdi>{i.name}</bdi>: <Ltr>{`${v.answers[i.code] ?? '–'} / ${i.max_score}`}</Ltr>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('sup.agreed')}</h2>
      <ActionList
        actions={v.actions}
        user={p.user}
        supervisor={p.supervisor}
        onChange={reload}
        testid="sup-visit-actions"
      />
    </section>
  );
}
