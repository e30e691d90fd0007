// Training needs: listed by area; recorded for a staff member (picked from the staff with a role
// in the area) or a community institution, with the need, its priority, the date it was assessed
// and optionally the course that answers it; changed and deleted by whoever recorded them or a
// supervisor of the area.
import { useState } from 'preact/hooks';
import { del, patch, post, query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Field, SelectField, TextAreaField } from '../../components/form_fields';
import { Form } from '../../components/form';
import { InstitutionPicker, type PickedInstitution } from '../../components/institution_picker';
import { Crumbs, FormActions, Ltr, useWrite } from '../../components/registry_bits';
import { ListSection, PagedResults, useFilters } from '../../components/lists';
import { useI18n } from '../../i18n';
import { clearMessages, showInfo } from '../../messages';
import { todayIso } from '../../registry_data';
import { href, navigate } from '../../router';
import { roleLabel } from '../../roles';
import { createStore } from '../../store';
import type { Page, StaffMember, TrainingNeed, User } from '../../types';
import { codeLabel, courseTitle, OtherErrors, useCourses } from '../fieldwork/common';
import type { TrainingRights } from './common';
import { PRIORITIES, TrainingTabs } from './common';
import { useFetch } from '../../use_fetch';

const LIMIT = 50;
const filterStore = createStore<{ area: PickedArea | null; offset: number }>({
  area: null,
  offset: 0,
});
const PRIORITY_CLASS: Record<string, string> = { high: 'off', medium: 'warn', low: 'neutral' };

export function NeedsPage({ rights }: { rights: TrainingRights }) {
  const { t } = useI18n();
  const { f, set, setOffset } = useFilters(filterStore);
  const courses = useCourses();
  const { data: page } = useFetch<Page<TrainingNeed>>(
    '/training-needs' + query({ area: f.area?.id, limit: LIMIT, offset: f.offset }),
  );
  return (
    <ListSection
      headingId="need-heading"
      testid="needs"
      title={t('tr.needsTitle')}
      tabs={<TrainingTabs current="needs" />}
      actions={
        rights.write && (
          <a class="button primary" href={href('trainings', 'needs', 'new')} data-testid="need-new">
            {t('tr.newNeed')}
          </a>
        )
      }
    >
      <AreaPicker
        label={t('act.area')}
        value={f.area}
        onChange={(area) => set({ area })}
        clearable
        testid="need-area-filter"
      />
      <PagedResults page={page} testid="need" none={t('tr.noNeeds')} onOffset={setOffset}>
        {(items) => (
          <ul class="record-list" data-testid="need-list">
            {items.map((n) => (
              <li key={n.id} data-testid="need-row" data-id={n.id}>
                {(() => {
                  const body = (
                    <>
                      <span class="record-title">
                        <bdi>{n.subject_name ?? ''}</bdi>{' '}
                        <span class="muted small">
                          {n.user_id ? t('tr.staff') : t('tr.institution')}
                        </span>
                      </span>
                      <span class="record-meta pre-line">
                        <bdi dir="auto">{n.need}</bdi>
                      </span>
                      <span class="record-meta">
                        <Ltr>{n.assessed_on}</Ltr>
                        {n.course_id && (
                          <>
                            {' '}
                            ·{' '}
                            <bdi>
                              {courseTitle(
                                courses?.find((c) => c.id === n.course_id),
                                '',
                              )}
                            </bdi>
                          </>
                        )}
                      </span>
                    </>
                  );
                  // Whether the caller may change it, the server decides (the recorder or a supervisor).
                  return rights.write ? (
                    <a
                      class="record-link"
                      href={href('trainings', 'needs', n.id)}
                      data-testid="need-open"
                      aria-label={t('tr.editNeedOf', { name: n.subject_name ?? '' })}
                    >
                      {body}
                    </a>
                  ) : (
                    <div class="record-link">{body}</div>
                  );
                })()}
                <span
                  class={'badge ' + (PRIORITY_CLASS[n.priority] ?? 'neutral')}
                  data-testid="need-priority"
                  data-priority={n.priority}
                >
                  {codeLabel('tr.priority.', n.priority)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </PagedResults>
    </ListSection>
  );
}

export function NeedFormPage({ user, id }: { user: User; id?: string }) {
  const { t } = useI18n();
  const courses = useCourses();
  const [record, setRecord] = useState<TrainingNeed | null>(null);
  const [area, setArea] = useState<PickedArea | null>(id ? null : filterStore.get().area);
  const [kind, setKind] = useState<'staff' | 'institution'>('institution');
  const [staff, setStaff] = useState(user.id);
  const [inst, setInst] = useState<PickedInstitution | null>(null);
  const [course, setCourse] = useState('');
  const [need, setNeed] = useState('');
  const [priority, setPriority] = useState('');
  const [on, setOn] = useState(todayIso());
  const w = useWrite();
  const { fields, setFields } = w;

  function fill(n: TrainingNeed) {
    setRecord(n);
    setKind(n.user_id ? 'staff' : 'institution');
    if (n.user_id) setStaff(n.user_id);
    setInst(n.institution_id ? { id: n.institution_id, name: n.subject_name ?? '' } : null);
    setCourse(n.course_id ?? '');
    setNeed(n.need);
    setPriority(n.priority);
    setOn(n.assessed_on);
  }

  // The need being changed, and its area's name for the picker.
  useFetch<TrainingNeed>(id ? `/training-needs/${encodeURIComponent(id)}` : null, {
    // The area first: the picker shows the choice it is given when it first appears.
    onData: (n) => {
      setArea({ id: n.area_id, name: n.area_name });
      fill(n);
    },
  });

  // Staff with a role in the chosen area (or in all the caller's areas), picked by name.
  const staffRead = useFetch<Page<StaffMember>>('/staff' + query({ area: area?.id, limit: 500 }), {
    // A choice no longer offered falls back to oneself (when offered) or to none.
    onData: (p) =>
      setStaff((s) =>
        p.items.some((u) => u.id === s) || s === record?.user_id
          ? s
          : p.items.some((u) => u.id === user.id)
            ? user.id
            : '',
      ),
    onError: () => {},
  });
  const staffList = staffRead.error ? [] : (staffRead.data?.items ?? null);

  async function save() {
    clearMessages();
    setFields({});
    const body: Record<string, unknown> = { need: need.trim(), priority, assessed_on: on };
    if (!record || area?.id !== record.area_id) body.area_id = area?.id ?? '';
    // The subject only when it is new or changed (the server checks it then).
    if (kind === 'staff') {
      if (!record || record.user_id !== staff) body.user_id = staff;
    } else if (inst) {
      if (!record || record.institution_id !== inst.id) body.institution_id = inst.id;
    } else if (record) {
      setFields({ institution_id: t('tr.chooseInstitution') });
      return;
    }
    if (record) body.course_id = course || null;
    else if (course) body.course_id = course;
    await w.save(
      async () => {
        if (record) {
          body.version = record.version;
          await patch<TrainingNeed>(`/training-needs/${encodeURIComponent(record.id)}`, body);
          showInfo(t('tr.needUpdated'));
        } else {
          await post<TrainingNeed>('/training-needs', body);
          showInfo(t('tr.needSaved'));
        }
        if (area) filterStore.set({ area, offset: 0 });
        navigate('trainings', 'needs');
      },
      {
        // No institution chosen: said in the reader's words on the picker.
        fieldsOf: (e) => {
          const f = { ...e };
          if (kind === 'institution' && !inst && f.user_id) {
            delete f.user_id;
            f.institution_id = t('tr.chooseInstitution');
          }
          return f;
        },
        onCurrent: (c) => fill(c as TrainingNeed), // changed meanwhile: shown as it is now
      },
    );
  }

  const remove = (r: TrainingNeed) =>
    w.remove(async () => {
      await del(`/training-needs/${encodeURIComponent(r.id)}`);
      showInfo(t('tr.needDeleted'));
      navigate('trainings', 'needs');
    });

  if (id && !record)
    return (
      <section class="card">
        <TrainingTabs current="needs" />
        <p class="muted">{t('common.loading')}</p>
      </section>
    );
  // The need's own subject stays offered even when the list does not hold it.
  const staffOptions = [...(staffList ?? [])];
  if (record?.user_id && !staffOptions.some((u) => u.id === record.user_id))
    staffOptions.unshift({
      id: record.user_id,
      full_name: record.subject_name ?? record.user_id,
      roles: [],
    });
  const title = record ? t('tr.editNeed') : t('tr.newNeed');
  return (
    <section class="card" aria-labelledby="need-form-heading">
      <TrainingTabs current="needs" />
      <Crumbs
        items={[{ href: href('trainings', 'needs'), label: t('tr.needs') }]}
        current={title}
      />
      <h1 id="need-form-heading">{title}</h1>
      <Form class="form-narrow" data-testid="need-form" data-id={record?.id ?? ''} onSubmit={save}>
        <AreaPicker
          label={t('act.area')}
          value={area}
          onChange={setArea}
          error={fields.area_id}
          testid="need-area"
        />
        <fieldset data-testid="need-subject">
          <legend>{t('tr.needOf')}</legend>
          <div class="choice-row">
            {(['institution', 'staff'] as const).map((k) => (
              <label class="check" key={k}>
                <input
                  type="radio"
                  name="need-kind"
                  checked={kind === k}
                  data-testid={'need-kind-' + k}
                  onChange={() => setKind(k)}
                />
                <span>{k === 'staff' ? t('tr.staff') : t('tr.institution')}</span>
              </label>
            ))}
          </div>
          {kind === 'staff' ? (
            staffList && staffOptions.length === 0 ? (
              <p class="muted" data-testid="need-no-staff">
                {t('tr.noStaff')}
              </p>
            ) : (
              <SelectField
                label={t('tr.staff')}
                value={staff}
                onChange={setStaff}
                error={fields.user_id}
                testid="need-user"
                options={[
                  { value: '', label: t('reg.choose') },
                  ...staffOptions.map((u) => ({ value: u.id, label: staffLabel(u) })),
                ]}
              />
            )
          ) : (
            <InstitutionPicker
              label={t('tr.institution')}
              types={[]}
              value={inst}
              onChange={setInst}
              emptyText={t('act.noInstitutions')}
              error={fields.institution_id ?? fields.user_id}
              testid="need-inst"
            />
          )}
        </fieldset>
        <TextAreaField
          label={t('tr.need')}
          value={need}
          onInput={setNeed}
          error={fields.need}
          testid="need-text"
        />
        <SelectField
          label={t('tr.priority')}
          value={priority}
          onChange={setPriority}
          error={fields.priority}
          testid="need-priority"
          options={[
            { value: '', label: t('reg.choose') },
            ...PRIORITIES.map((p) => ({ value: p, label: codeLabel('tr.priority.', p) })),
          ]}
        />
        <Field
          type="date"
          label={t('tr.assessedOn')}
          value={on}
          onInput={setOn}
          max={todayIso()}
          error={fields.assessed_on}
          testid="need-date"
        />
        <SelectField
          label={`${t('act.course')} ${t('common.optional')}`}
          value={course}
          onChange={setCourse}
          error={fields.course_id}
          testid="need-course"
          options={[
            { value: '', label: t('tr.noCourse') },
            ...(courses ?? []).map((c) => ({ value: c.id, label: courseTitle(c) })),
          ]}
        />
        <OtherErrors
          fields={fields}
          shown={(k) =>
            [
              'area_id',
              'user_id',
              'institution_id',
              'need',
              'priority',
              'assessed_on',
              'course_id',
            ].includes(k)
          }
        />
        <FormActions
          w={w}
          testid="need"
          cancel={href('trainings', 'needs')}
          deleteText={record && t('tr.confirmDeleteNeed', { name: record.subject_name ?? '' })}
          onDelete={() => record && remove(record)}
        />
      </Form>
    </section>
  );
}

// A staff member's name with their first role in the caller's areas: "Sana Gul · Mobiliser, Union 1".
export function staffLabel(u: StaffMember): string {
  const role = u.roles[0];
  return role ? `${u.full_name} · ${roleLabel(role.role)}, ${role.area_name}` : u.full_name;
}
