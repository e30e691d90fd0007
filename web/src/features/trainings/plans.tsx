// Training plans: listed by area and period; one entered (course × area × period: planned events
// and participants; a second plan for the same three replaces the first), changed or deleted, or
// many imported from CSV/XLSX; and plan against achievement (verified training events held and people trained) as
// a table and bar charts, a bar per plan.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, del, patch, post, query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { BarChart, type Bar } from '../../components/bar_chart';
import { Field, SelectField } from '../../components/form_fields';
import { Form } from '../../components/form';
import { ImportPanel } from '../../components/import_panel';
import { Crumbs, FormActions, Ltr, useWrite } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { clearMessages, showError, showInfo } from '../../messages';
import { num } from '../../registry_data';
import { href, navigate } from '../../router';
import { createStore, useStore } from '../../store';
import type { Page, PlanAchievement, PlanImportResult, TrainingPlan } from '../../types';
import { courseTitle, OtherErrors, useCourses } from '../fieldwork/common';
import type { TrainingRights } from './common';
import { TrainingTabs } from './common';
import {
  PagedResults,
  StackTable,
  useFilters,
  type Column,
  ListSection,
} from '../../components/lists';
import { useFetch } from '../../use_fetch';
import { fieldMessages } from '../../i18n/field_message';

const LIMIT = 50;
const PLAN_COLUMNS = [
  'course_code',
  'area_code',
  'period',
  'planned_events',
  'planned_participants',
];

// Area and period are shared by the plan list and plan against achievement.
interface Filters {
  area: PickedArea | null;
  period: string;
  offset: number;
}
const filterStore = createStore<Filters>({ area: null, period: '', offset: 0 });

function PlanFilters({ error, testid }: { error?: string; testid: string }) {
  const { t } = useI18n();
  const f = useStore(filterStore);
  const [period, setPeriod] = useState(f.period);
  // The period is applied after typing stops.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (period.trim() !== filterStore.get().period)
        filterStore.set({ ...filterStore.get(), period: period.trim(), offset: 0 });
    }, 400);
    return () => clearTimeout(timer);
  }, [period]);
  return (
    <div class="form-row">
      <AreaPicker
        label={t('act.area')}
        value={f.area}
        onChange={(area) => filterStore.set({ ...filterStore.get(), area, offset: 0 })}
        clearable
        testid={testid + '-area'}
      />
      <Field
        label={t('tr.period')}
        value={period}
        onInput={setPeriod}
        dir="ltr"
        error={error}
        hint={t('tr.periodHint')}
        testid={testid + '-period'}
      />
    </div>
  );
}

// The area and period columns of the plan and achievement tables.
function placeColumns(
  t: ReturnType<typeof useI18n>['t'],
): Column<{ area_name: string; period: string }>[] {
  return [
    { label: t('act.area'), class: 'text', cell: (p) => <bdi>{p.area_name}</bdi> },
    { label: t('tr.period'), class: 'text', cell: (p) => <Ltr>{p.period}</Ltr> },
  ];
}

// A period the server refuses is shown on the period field; other failures on the message line.
// The returned handler takes an error, or null when an answer came.
function usePeriodError(): [string | undefined, (e: unknown) => void] {
  const [error, setError] = useState<string | undefined>();
  const onError = (e: unknown) => {
    if (e === null) setError(undefined);
    else if (e instanceof ApiError && e.fields.period) setError(fieldMessages(e).period);
    else showError(e);
  };
  return [error, onError];
}

export function PlansPage({ rights }: { rights: TrainingRights }) {
  const { t } = useI18n();
  const { f, setOffset } = useFilters(filterStore);
  const courses = useCourses();
  const [periodError, onError] = usePeriodError();
  const { data: page } = useFetch<Page<TrainingPlan>>(
    '/training-plans' +
      query({ area: f.area?.id, period: f.period, limit: LIMIT, offset: f.offset }),
    { onData: () => onError(null), onError },
  );
  const title = (p: TrainingPlan) =>
    courseTitle(
      courses?.find((c) => c.id === p.course_id),
      p.course_title,
    );
  return (
    <ListSection
      headingId="plan-heading"
      testid="plans"
      title={t('tr.plansTitle')}
      tabs={<TrainingTabs current="plans" />}
      actions={
        rights.plans && (
          <div class="head-actions">
            <a
              class="button primary"
              href={href('trainings', 'plans', 'new')}
              data-testid="plan-new"
            >
              {t('tr.newPlan')}
            </a>
            <a
              class="button secondary"
              href={href('trainings', 'plans', 'import')}
              data-testid="plan-import-link"
            >
              {t('reg.import')}
            </a>
          </div>
        )
      }
    >
      <PlanFilters error={periodError} testid="plan-filter" />
      <PagedResults page={page} testid="plan" none={t('tr.noPlans')} onOffset={setOffset}>
        {(items) => (
          <StackTable
            rows={items}
            class="stack numbers tr-table"
            testid="plan-table"
            row={(p) => ({
              key: p.id,
              'data-testid': 'plan-row',
              'data-course': p.course_id,
              'data-area': p.area_id,
              'data-period': p.period,
            })}
            columns={[
              {
                label: t('act.course'),
                class: 'text',
                cell: (p) =>
                  rights.plans ? (
                    <a href={href('trainings', 'plans', p.id)} data-testid="plan-open">
                      <bdi>{title(p)}</bdi>
                    </a>
                  ) : (
                    <bdi>{title(p)}</bdi>
                  ),
              },
              ...placeColumns(t),
              {
                label: t('tr.plannedEvents'),
                cell: (p) => num(p.planned_events),
                td: () => ({ 'data-testid': 'plan-events' }),
              },
              {
                label: t('tr.plannedParticipants'),
                cell: (p) => num(p.planned_participants),
                td: () => ({ 'data-testid': 'plan-participants' }),
              },
            ]}
          />
        )}
      </PagedResults>
    </ListSection>
  );
}

export function PlanFormPage({ id }: { id?: string }) {
  const { t } = useI18n();
  const courses = useCourses();
  const [record, setRecord] = useState<TrainingPlan | null>(null);
  const [course, setCourse] = useState('');
  const [area, setArea] = useState<PickedArea | null>(id ? null : filterStore.get().area);
  const [period, setPeriod] = useState(id ? '' : filterStore.get().period);
  const [events, setEvents] = useState('');
  const [participants, setParticipants] = useState('');
  const w = useWrite();
  const { fields, setFields } = w;

  function fill(p: TrainingPlan) {
    setRecord(p);
    setCourse(p.course_id);
    setArea({ id: p.area_id, name: p.area_name });
    setPeriod(p.period);
    setEvents(String(p.planned_events));
    setParticipants(String(p.planned_participants));
  }

  useFetch<TrainingPlan>(id ? `/training-plans/${encodeURIComponent(id)}` : null, {
    onData: fill,
  });

  async function save() {
    clearMessages();
    setFields({});
    // Whole numbers as numbers; anything else as typed, for the server to name on its field.
    const whole = (s: string) =>
      /^\d+$/.test(s.trim()) ? Number(s.trim()) : s.trim() || undefined;
    const body: Record<string, unknown> = {
      course_id: course,
      area_id: area?.id ?? '',
      period: period.trim(),
      planned_events: whole(events),
      planned_participants: whole(participants),
    };
    await w.save(
      async () => {
        let saved: TrainingPlan;
        if (record) {
          // Only what changed, with the version read.
          const changed: Record<string, unknown> = { version: record.version };
          if (course !== record.course_id) changed.course_id = course;
          if (area?.id !== record.area_id) changed.area_id = area?.id ?? '';
          if (period.trim() !== record.period) changed.period = period.trim();
          if (body.planned_events !== record.planned_events)
            changed.planned_events = body.planned_events;
          if (body.planned_participants !== record.planned_participants)
            changed.planned_participants = body.planned_participants;
          saved = await patch<TrainingPlan>(
            `/training-plans/${encodeURIComponent(record.id)}`,
            changed,
          );
        } else {
          saved = await post<TrainingPlan>('/training-plans', body);
        }
        showInfo(t('tr.planSaved'));
        filterStore.set({
          area: { id: saved.area_id, name: saved.area_name },
          period: saved.period,
          offset: 0,
        });
        navigate('trainings', 'plans');
      },
      // Changed meanwhile: shown as it is now.
      { onCurrent: (c) => fill(c as TrainingPlan) },
    );
  }

  const remove = (r: TrainingPlan) =>
    w.remove(async () => {
      await del(`/training-plans/${encodeURIComponent(r.id)}`);
      showInfo(t('tr.planDeleted'));
      navigate('trainings', 'plans');
    });

  if (id && !record)
    return (
      <section class="card">
        <TrainingTabs current="plans" />
        <p class="muted">{t('common.loading')}</p>
      </section>
    );
  const title = record ? t('tr.editPlan') : t('tr.newPlan');
  return (
    <section class="card" aria-labelledby="plan-form-heading">
      <TrainingTabs current="plans" />
      <Crumbs
        items={[{ href: href('trainings', 'plans'), label: t('tr.plans') }]}
        current={title}
      />
      <h1 id="plan-form-heading">{title}</h1>
      <p class="hint">{record ? t('tr.planUnique') : t('tr.planReplaces')}</p>
      <Form class="form-narrow" data-testid="plan-form" data-id={record?.id ?? ''} onSubmit={save}>
        <SelectField
          label={t('act.course')}
          value={course}
          onChange={setCourse}
          error={fields.course_id}
          testid="plan-course"
          options={[
            { value: '', label: t('reg.choose') },
            ...(courses ?? []).map((c) => ({ value: c.id, label: courseTitle(c) })),
          ]}
        />
        <AreaPicker
          label={t('act.area')}
          value={area}
          onChange={setArea}
          error={fields.area_id}
          testid="plan-area"
        />
        <Field
          label={t('tr.period')}
          value={period}
          onInput={setPeriod}
          dir="ltr"
          error={fields.period}
          hint={t('tr.periodHint')}
          testid="plan-period"
        />
        <div class="form-row pair">
          <Field
            type="number"
            inputMode="numeric"
            min={0}
            label={t('tr.plannedEvents')}
            value={events}
            onInput={setEvents}
            error={fields.planned_events}
            testid="plan-events-input"
          />
          <Field
            type="number"
            inputMode="numeric"
            min={0}
            label={t('tr.plannedParticipants')}
            value={participants}
            onInput={setParticipants}
            error={fields.planned_participants}
            testid="plan-participants-input"
          />
        </div>
        <OtherErrors
          fields={fields}
          shown={(k) =>
            ['course_id', 'area_id', 'period', 'planned_events', 'planned_participants'].includes(k)
          }
        />
        <FormActions
          w={w}
          testid="plan"
          cancel={href('trainings', 'plans')}
          deleteText={
            record &&
            t('tr.confirmDeletePlan', {
              course: courseTitle(
                courses?.find((c) => c.id === record.course_id),
                record.course_title,
              ),
              period: record.period,
            })
          }
          onDelete={() => record && remove(record)}
        />
      </Form>
    </section>
  );
}

export function PlanImportPage() {
  const { t } = useI18n();
  return (
    <ImportPanel<PlanImportResult>
      endpoint="/training-plans/import"
      testid="plan-import"
      back={{ href: href('trainings', 'plans'), label: t('tr.plans') }}
      current={t('reg.import')}
      title={t('tr.importTitle')}
      help={t('tr.importHelp')}
      columns={{ names: PLAN_COLUMNS, file: 'training-plans.csv' }}
      runLabel={t('tr.importRun')}
      checked={(r) => t('tr.importOk', { n: r.rows })}
      done={(r) => t('tr.importDone', { n: r.saved ?? r.rows })}
    />
  );
}

export function AchievementPage() {
  const { t } = useI18n();
  const f = useStore(filterStore);
  const courses = useCourses();
  const [periodError, onError] = usePeriodError();
  const items =
    useFetch<{ items: PlanAchievement[] }>(
      '/training-plans/achievement' + query({ area: f.area?.id, period: f.period }),
      { onData: () => onError(null), onError },
    ).data?.items ?? null;

  const title = (id: string, fallback: string) =>
    courseTitle(
      courses?.find((c) => c.id === id),
      fallback,
    );
  // One bar per plan: plans of one course may nest (a month within its quarter), so they are not
  // added up. A course with several plans names the area and period on each bar.
  const rows = items ?? [];
  const label = (p: PlanAchievement) =>
    rows.filter((x) => x.course_id === p.course_id).length > 1
      ? `${title(p.course_id, p.course_title)} · ${p.area_name} · ${p.period}`
      : title(p.course_id, p.course_title);
  const share = (done: number, planned: number) =>
    planned > 0 ? done / planned : done > 0 ? 1 : 0;
  const eventBars: Bar[] = rows.map((p) => ({
    key: p.id,
    label: label(p),
    value: share(p.held_events, p.planned_events),
    text: t('tr.ofPlanned', { done: num(p.held_events), planned: num(p.planned_events) }),
  }));
  const peopleBars: Bar[] = rows.map((p) => ({
    key: p.id,
    label: label(p),
    value: share(p.trained, p.planned_participants),
    text: t('tr.ofPlanned', { done: num(p.trained), planned: num(p.planned_participants) }),
  }));

  return (
    <>
      <section class="card" aria-labelledby="ach-heading" data-testid="achievement">
        <TrainingTabs current="achievement" />
        <h1 id="ach-heading">{t('tr.achievement')}</h1>
        <p class="hint">{t('tr.achievementHint')}</p>
        <PlanFilters error={periodError} testid="ach-filter" />
        {!items ? (
          <p class="muted">{t('common.loading')}</p>
        ) : items.length === 0 ? (
          <p class="muted" data-testid="ach-none">
            {t('tr.noPlans')}
          </p>
        ) : (
          <StackTable
            rows={items}
            class="stack numbers tr-table"
            testid="ach-table"
            row={(p) => ({
              key: p.id,
              'data-testid': 'ach-row',
              'data-id': p.id,
              'data-course': p.course_id,
              'data-area': p.area_id,
              'data-period': p.period,
              'data-held': p.held_events,
              'data-planned-events': p.planned_events,
              'data-trained': p.trained,
              'data-planned-participants': p.planned_participants,
            })}
            columns={[
              {
                label: t('act.course'),
                class: 'text',
                cell: (p) => <bdi>{title(p.course_id, p.course_title)}</bdi>,
              },
              ...placeColumns(t),
              {
                label: t('tr.eventsHeld'),
                cell: (p) =>
                  t('tr.ofPlanned', { done: num(p.held_events), planned: num(p.planned_events) }),
              },
              {
                label: t('tr.peopleTrained'),
                cell: (p) =>
                  t('tr.ofPlanned', { done: num(p.trained), planned: num(p.planned_participants) }),
              },
            ]}
          />
        )}
      </section>
      {rows.length > 0 && (
        <section class="card" aria-labelledby="ach-chart-heading">
          <h2 id="ach-chart-heading">{t('tr.chartTitle')}</h2>
          <p class="muted small">{t('tr.chartHelp')}</p>
          <h3>{t('tr.eventsHeld')}</h3>
          <BarChart bars={eventBars} title={t('tr.eventsHeld')} testid="ach-chart-events" />
          <h3>{t('tr.peopleTrained')}</h3>
          <BarChart bars={peopleBars} title={t('tr.peopleTrained')} testid="ach-chart-people" />
        </section>
      )}
    </>
  );
}
