// Training needs: listed by area; recorded for a staff member or a community institution, with
// the need, its priority, the date it was assessed and optionally the course that answers it.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post, query } from '../api';
import { AreaPicker, type PickedArea } from '../components/area_picker';
import { Field, SelectField, TextAreaField } from '../components/field';
import { InstitutionPicker, type PickedInstitution } from '../components/institution_picker';
import { Crumbs, Ltr } from '../components/registry_bits';
import { useI18n } from '../i18n';
import { clearMessages, showError, showInfo } from '../messages';
import { todayIso } from '../registry_data';
import { href, navigate } from '../router';
import { hasRole } from '../session';
import { createStore, useStore } from '../store';
import type { Page, TrainingNeed, User } from '../types';
import { codeLabel, courseTitle, OtherErrors, useCourses } from './field_bits';
import type { TrainingRights } from './training';
import { PRIORITIES, TrainingTabs } from './training_bits';
import { Pager } from './users';

const LIMIT = 50;
const filterStore = createStore<{ area: PickedArea | null; offset: number }>({ area: null, offset: 0 });
const PRIORITY_CLASS: Record<string, string> = { high: 'off', medium: 'warn', low: 'neutral' };

export function NeedsPage({ rights }: { rights: TrainingRights }) {
  const { t } = useI18n();
  const f = useStore(filterStore);
  const courses = useCourses();
  const [page, setPage] = useState<Page<TrainingNeed> | null>(null);
  useEffect(() => {
    let live = true;
    get<Page<TrainingNeed>>('/training-needs' + query({ area: f.area?.id, limit: LIMIT, offset: f.offset }))
      .then((p) => live && setPage(p))
      .catch((e) => live && showError(e));
    return () => {
      live = false;
    };
  }, [f]);
  return (
    <section class="card" aria-labelledby="need-heading" data-testid="needs">
      <TrainingTabs current="needs" />
      <div class="section-head">
        <h1 id="need-heading">{t('tr.needsTitle')}</h1>
        {rights.write && <a class="button primary" href={href('trainings', 'needs', 'new')} data-testid="need-new">{t('tr.newNeed')}</a>}
      </div>
      <AreaPicker label={t('act.area')} value={f.area} onChange={(area) => filterStore.set({ area, offset: 0 })} clearable testid="need-area-filter" />
      {!page ? (
        <p class="muted">{t('common.loading')}</p>
      ) : page.items.length === 0 ? (
        <p class="muted" data-testid="need-none">{t('tr.noNeeds')}</p>
      ) : (
        <>
          <ul class="record-list" data-testid="need-list">
            {page.items.map((n) => (
              <li key={n.id} data-testid="need-row" data-id={n.id}>
                <div class="record-link">
                  <span class="record-title"><bdi>{n.subject_name ?? ''}</bdi> <span class="muted small">{n.user_id ? t('tr.staff') : t('tr.institution')}</span></span>
                  <span class="record-meta pre-line"><bdi dir="auto">{n.need}</bdi></span>
                  <span class="record-meta">
                    <Ltr>{n.assessed_on}</Ltr>
                    {n.course_id && <> · <bdi>{courseTitle(courses?.find((c) => c.id === n.course_id), '')}</bdi></>}
                  </span>
                </div>
                <span class={'badge ' + (PRIORITY_CLASS[n.priority] ?? 'neutral')} data-testid="need-priority" data-priority={n.priority}>{codeLabel('tr.priority.', n.priority)}</span>
              </li>
            ))}
          </ul>
          <Pager page={page} onOffset={(offset) => filterStore.set({ ...filterStore.get(), offset })} />
        </>
      )}
    </section>
  );
}

export function NeedFormPage({ user }: { user: User }) {
  const { t } = useI18n();
  const courses = useCourses();
  const [area, setArea] = useState<PickedArea | null>(filterStore.get().area);
  const [kind, setKind] = useState<'staff' | 'institution'>('institution');
  const [staff, setStaff] = useState(user.id);
  const [staffList, setStaffList] = useState<{ id: string; full_name: string }[]>([{ id: user.id, full_name: user.full_name }]);
  const [inst, setInst] = useState<PickedInstitution | null>(null);
  const [course, setCourse] = useState('');
  const [need, setNeed] = useState('');
  const [priority, setPriority] = useState('');
  const [on, setOn] = useState(todayIso());
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  // Only administrators may list staff; everyone else records needs of their own.
  useEffect(() => {
    if (!hasRole(user, 'admin')) return;
    get<Page<{ id: string; full_name: string }>>('/users' + query({ limit: 500 }))
      .then((p) => setStaffList(p.items))
      .catch(() => {});
  }, []);

  async function save() {
    clearMessages();
    setFields({});
    const body: Record<string, unknown> = { area_id: area?.id ?? '', need: need.trim(), priority, assessed_on: on };
    if (kind === 'staff') body.user_id = staff;
    else if (inst) body.institution_id = inst.id;
    if (course) body.course_id = course;
    setBusy(true);
    try {
      await post<TrainingNeed>('/training-needs', body);
      showInfo(t('tr.needSaved'));
      if (area) filterStore.set({ area, offset: 0 });
      navigate('trainings', 'needs');
    } catch (e) {
      if (e instanceof ApiError) {
        // No institution chosen: said in the reader's words on the picker.
        const f = { ...e.fields };
        if (kind === 'institution' && !inst && f.user_id) {
          delete f.user_id;
          f.institution_id = t('tr.chooseInstitution');
        }
        setFields(f);
      }
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  const title = t('tr.newNeed');
  return (
    <section class="card" aria-labelledby="need-form-heading">
      <TrainingTabs current="needs" />
      <Crumbs items={[{ href: href('trainings', 'needs'), label: t('tr.needs') }]} current={title} />
      <h1 id="need-form-heading">{title}</h1>
      <form class="form-narrow" noValidate data-testid="need-form" onSubmit={(e) => { e.preventDefault(); save(); }}>
        <AreaPicker label={t('act.area')} value={area} onChange={setArea} error={fields.area_id} testid="need-area" />
        <fieldset data-testid="need-subject">
          <legend>{t('tr.needOf')}</legend>
          <div class="choice-row">
            {(['institution', 'staff'] as const).map((k) => (
              <label class="check" key={k}>
                <input type="radio" name="need-kind" checked={kind === k} data-testid={'need-kind-' + k} onChange={() => setKind(k)} />
                <span>{k === 'staff' ? t('tr.staff') : t('tr.institution')}</span>
              </label>
            ))}
          </div>
          {kind === 'staff' ? (
            <SelectField label={t('tr.staffMember')} value={staff} onChange={setStaff} error={fields.user_id} testid="need-user"
              options={staffList.map((u) => ({ value: u.id, label: u.full_name }))} />
          ) : (
            <InstitutionPicker label={t('tr.institution')} types={[]} value={inst} onChange={setInst} emptyText={t('act.noInstitutions')}
              error={fields.institution_id ?? fields.user_id} testid="need-inst" />
          )}
        </fieldset>
        <TextAreaField label={t('tr.need')} value={need} onInput={setNeed} error={fields.need} testid="need-text" />
        <SelectField label={t('tr.priority')} value={priority} onChange={setPriority} error={fields.priority} testid="need-priority"
          options={[{ value: '', label: t('reg.choose') }, ...PRIORITIES.map((p) => ({ value: p, label: codeLabel('tr.priority.', p) }))]} />
        <Field type="date" label={t('tr.assessedOn')} value={on} onInput={setOn} max={todayIso()} error={fields.assessed_on} testid="need-date" />
        <SelectField label={`${t('act.course')} ${t('common.optional')}`} value={course} onChange={setCourse} error={fields.course_id} testid="need-course"
          options={[{ value: '', label: t('tr.noCourse') }, ...(courses ?? []).map((c) => ({ value: c.id, label: courseTitle(c) }))]} />
        <OtherErrors fields={fields} shown={(k) => ['area_id', 'user_id', 'institution_id', 'need', 'priority', 'assessed_on', 'course_id'].includes(k)} />
        <div class="actions separated">
          <button type="submit" class="primary" disabled={busy} data-testid="need-save">{t('common.save')}</button>
          <a class="button secondary" href={href('trainings', 'needs')}>{t('common.cancel')}</a>
        </div>
      </form>
    </section>
  );
}
