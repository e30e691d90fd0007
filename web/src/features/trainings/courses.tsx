// The course catalogue: every course with its audience, topics, length and test; managers and
// administrators add, change and delete courses (title, local title, audience, topics, hours, the
// test's maximum score or no test; the server keeps the maximum above the scores given and a
// course in use from being deleted).
import { useEffect, useState } from 'preact/hooks';
import { del, patch, post } from '../../api';
import { Field, SelectField } from '../../components/form_fields';
import { Form, Check } from '../../components/form';
import { Crumbs, fieldBinder, FormActions, useWrite } from '../../components/registry_bits';
import { ListSection } from '../../components/lists';
import { useI18n } from '../../i18n';
import { clearMessages, showInfo } from '../../messages';
import { num, orNull, useConfig } from '../../registry_data';
import { href, navigate } from '../../router';
import type { Course } from '../../types';
import {
  codeLabel,
  courseTitle,
  OtherErrors,
  reloadCourses,
  topicLabel,
  TopicChips,
  useCourses,
} from '../fieldwork/common';
import type { TrainingRights } from './common';
import { TrainingTabs } from './common';
import { LoadingCard } from '../../components/loading_card';

export function CoursesPage({ rights }: { rights: TrainingRights }) {
  const { t } = useI18n();
  const config = useConfig();
  // Read here, fresh on each visit (another manager may have changed the catalogue), rather than
  // also by useCourses on the first.
  const courses = useCourses(false);
  useEffect(() => {
    reloadCourses();
  }, []);
  return (
    <ListSection
      headingId="course-heading"
      testid="courses"
      title={t('tr.coursesTitle')}
      tabs={<TrainingTabs current="courses" />}
      actions={
        rights.courses && (
          <a
            class="button primary"
            href={href('trainings', 'courses', 'new')}
            data-testid="course-new"
          >
            {t('tr.newCourse')}
          </a>
        )
      }
    >
      {!courses ? (
        <p class="muted">{t('common.loading')}</p>
      ) : courses.length === 0 ? (
        <p class="muted">{t('tr.noCourses')}</p>
      ) : (
        <ul class="record-list" data-testid="course-list">
          {courses.map((c) => {
            const body = (
              <>
                <span class="record-title">
                  <bdi>{courseTitle(c)}</bdi>{' '}
                  <span class="muted small">
                    <bdi dir="ltr">{c.code}</bdi>
                  </span>
                </span>
                <span class="record-meta">
                  {codeLabel('tr.audience.', c.audience)} · {t('tr.hours', { n: c.duration_hours })}{' '}
                  ·{' '}
                  {c.test_max === null
                    ? t('tr.noTest')
                    : t('tr.testOutOf', { max: num(c.test_max) })}
                </span>
                {c.topics.length > 0 && (
                  <span class="record-meta">
                    {c.topics.map((x) => topicLabel(config, x)).join(t('common.listSep'))}
                  </span>
                )}
              </>
            );
            return (
              <li key={c.id} data-testid="course-row" data-id={c.id} data-code={c.code}>
                {rights.courses ? (
                  <a class="record-link" href={href('trainings', 'courses', c.id)}>
                    {body}
                  </a>
                ) : (
                  <div class="record-link">{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </ListSection>
  );
}

interface Form {
  code: string;
  title: string;
  title_local: string;
  audience: string;
  topics: string[];
  duration_hours: string;
  has_test: boolean;
  test_max: string;
}

const formOf = (c: Course): Form => ({
  code: c.code,
  title: c.title,
  title_local: c.title_local ?? '',
  audience: c.audience,
  topics: c.topics,
  duration_hours: String(c.duration_hours),
  has_test: c.test_max !== null,
  test_max: c.test_max === null ? '' : String(c.test_max),
});

// A typed number as a number; other text as typed (the server names it); nothing: left out.
const numberOrText = (s: string): number | string | undefined => {
  const n = Number(s.trim().replace(',', '.'));
  return !s.trim() ? undefined : Number.isFinite(n) ? n : s.trim();
};

export function CourseFormPage({ id }: { id?: string }) {
  const { t } = useI18n();
  const config = useConfig();
  const courses = useCourses();
  const record = id ? (courses?.find((c) => c.id === id) ?? null) : null;
  const [f, setF] = useState<Form>({
    code: '',
    title: '',
    title_local: '',
    audience: '',
    topics: [],
    duration_hours: '',
    has_test: true,
    test_max: '',
  });
  const w = useWrite();
  const { fields, setFields } = w;

  useEffect(() => {
    if (record) setF(formOf(record));
  }, [record?.id, record?.version]);

  if (id && !record) return <LoadingCard />;
  const set = (p: Partial<Form>) => setF((old) => ({ ...old, ...p }));
  const bind = fieldBinder(f, set, fields);

  async function save() {
    clearMessages();
    setFields({});
    const body: Record<string, unknown> = {
      code: f.code.trim(),
      title: f.title.trim(),
      audience: f.audience,
      topics: f.topics,
      duration_hours: numberOrText(f.duration_hours),
    };
    if (f.has_test) body.test_max = numberOrText(f.test_max);
    else if (record && record.test_max !== null) body.test_max = null; // the test removed
    if (f.has_test && !f.test_max.trim()) {
      setFields({ test_max: t('tr.testMaxRequired') });
      return;
    }
    if (record) {
      body.version = record.version;
      body.title_local = orNull(f.title_local);
    } else {
      // A new course: what is empty is left out, and the server names what is required.
      if (orNull(f.title_local)) body.title_local = orNull(f.title_local);
      for (const k of Object.keys(body))
        if (body[k] === '' || body[k] === undefined) delete body[k];
    }
    await w.save(async () => {
      if (record) await patch<Course>(`/courses/${encodeURIComponent(record.id)}`, body);
      else await post<Course>('/courses', body);
      await reloadCourses();
      showInfo(record ? t('common.saved') : t('tr.courseCreated'));
      navigate('trainings', 'courses');
    });
  }

  const remove = (r: Course) =>
    w.remove(async () => {
      await del(`/courses/${encodeURIComponent(r.id)}`);
      await reloadCourses();
      showInfo(t('tr.courseDeleted'));
      navigate('trainings', 'courses');
    });

  const title = record ? t('tr.editCourse') : t('tr.newCourse');
  // A test with scores given keeps a maximum at least the highest score; the server says so.
  const hadTest = !!record && record.test_max !== null;
  return (
    <section class="card" aria-labelledby="course-form-heading">
      <TrainingTabs current="courses" />
      <Crumbs
        items={[{ href: href('trainings', 'courses'), label: t('tr.courses') }]}
        current={title}
      />
      <h1 id="course-form-heading">{title}</h1>
      <Form class="form-narrow" data-testid="course-form" onSubmit={save}>
        <Field label={t('tr.code')} {...bind('code')} dir="ltr" testid="course-code" />
        <Field label={t('tr.courseTitle')} {...bind('title')} dir="auto" testid="course-title" />
        <Field
          label={`${t('tr.titleLocal')} ${t('common.optional')}`}
          {...bind('title_local')}
          dir="auto"
          testid="course-title-local"
        />
        <SelectField
          label={t('tr.audience')}
          value={f.audience}
          onChange={(audience) => set({ audience })}
          error={fields.audience}
          testid="course-audience"
          options={[
            { value: '', label: t('reg.choose') },
            ...['staff', 'community'].map((v) => ({
              value: v,
              label: codeLabel('tr.audience.', v),
            })),
          ]}
        />
        <TopicChips
          config={config}
          value={f.topics}
          onChange={(topics) => set({ topics })}
          error={fields.topics}
          testid="course"
        />
        <Field
          type="number"
          inputMode="decimal"
          step="0.5"
          min={0.5}
          label={t('tr.durationHours')}
          {...bind('duration_hours')}
          testid="course-hours"
        />
        <fieldset data-testid="course-test">
          <legend>{t('tr.test')}</legend>
          <Check
            label={<span>{t('tr.hasTest')}</span>}
            checked={f.has_test}
            testid="course-has-test"
            onChange={(on) => set({ has_test: on })}
          />
          {hadTest && <p class="hint">{t('tr.testRemovable')}</p>}
          {!f.has_test && fields.test_max && (
            <div class="field-error" data-testid="course-test-error">
              {fields.test_max}
            </div>
          )}
          {f.has_test && (
            <Field
              type="number"
              inputMode="decimal"
              min={1}
              max={1000}
              label={t('tr.testMax')}
              {...bind('test_max')}
              testid="course-test-max"
            />
          )}
        </fieldset>
        <OtherErrors
          fields={fields}
          shown={(k) =>
            [
              'code',
              'title',
              'title_local',
              'audience',
              'topics',
              'duration_hours',
              'test_max',
            ].includes(k)
          }
        />
        <FormActions
          w={w}
          testid="course"
          saveLabel={record ? t('common.save') : t('common.create')}
          cancel={href('trainings', 'courses')}
          deleteText={record && t('tr.confirmDeleteCourse', { title: courseTitle(record) })}
          onDelete={() => record && remove(record)}
        />
      </Form>
    </section>
  );
}
