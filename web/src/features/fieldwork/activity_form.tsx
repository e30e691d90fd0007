// Record (or correct) a session: type (a training also names its course), topics, date and
// time, area, place, the institutions involved, participants counted by sex x age band x
// disability with a running total, optional named participants from the registry, facilitators,
// decisions and follow-up. Saved as a draft; the record page then takes the attendance sheet and
// the submission. A verified record is changed only by a supervisor's correction, with a reason.
import { useEffect, useState } from 'preact/hooks';
import { get, query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Field, SelectField, TextAreaField } from '../../components/form_fields';
import { Form, DraftNotice } from '../../components/form';
import { InstitutionPicker, type PickedInstitution } from '../../components/institution_picker';
import { Crumbs, useWrite } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { clearMessages, showError, showInfo, showRefusal } from '../../messages';
import { enumLabel, num, orNull, todayIso, useConfig } from '../../registry_data';
import { href, navigate } from '../../router';
import type {
  Activity,
  Attendance,
  Household,
  Institution,
  Page,
  StaffMember,
  User,
} from '../../types';
import {
  activityTypeLabel,
  attendanceBody,
  courseTitle,
  OtherErrors,
  TopicChips,
  useCourses,
  ageBands,
  countedSexes,
  reasonMissing,
  AgeSexHeads,
} from './common';
import { LoadingCard } from '../../components/loading_card';
import { useDraft } from '../../components/draft_guard';
import { hasWorkingSet, loadRecord, searchLocal } from '../../offline/local';
import { enqueue, outcome, problemOf, problemOrQueued } from '../../offline/outbox';
import { resizePhoto } from '../../offline/photo';
import { uuidv7 } from '../../offline/uuid';
import { fieldMessages } from '../../i18n/field_message';

type Counts = Record<string, string>; // "f|18-59|0" -> the typed number
const cell = (sex: string, band: string, dis: boolean) => `${sex}|${band}|${dis ? 1 : 0}`;

interface Facilitator {
  user_id: string | null;
  name: string | null;
}

interface Form {
  type: string;
  course_id: string;
  institutions: PickedInstitution[];
  title: string;
  held_on: string;
  start_time: string;
  end_time: string;
  area: PickedArea | null;
  place: string;
  topics: string[];
  counts: Counts;
  attendance: Attendance[];
  facilitators: Facilitator[];
  decisions: string;
  follow_up: string;
  notes: string;
}

function emptyForm(user: User, type = ''): Form {
  return {
    type,
    course_id: '',
    institutions: [],
    title: '',
    held_on: todayIso(),
    start_time: '',
    end_time: '',
    area: null,
    place: '',
    topics: [],
    counts: {},
    attendance: [],
    facilitators: [{ user_id: user.id, name: null }],
    decisions: '',
    follow_up: '',
    notes: '',
  };
}

function formOf(a: Activity): Form {
  const counts: Counts = {};
  for (const c of a.counts) counts[cell(c.sex, c.age_band, c.disability)] = String(c.count);
  return {
    type: a.type,
    course_id: a.course_id ?? '',
    institutions: a.institution_ids.map((id) => ({ id, name: id })),
    title: a.title ?? '',
    held_on: a.held_on,
    start_time: a.start_time ?? '',
    end_time: a.end_time ?? '',
    area: { id: a.area_id, name: a.area_name },
    place: a.place ?? '',
    topics: a.topics,
    counts,
    attendance: a.attendance,
    facilitators: a.facilitators,
    decisions: a.decisions ?? '',
    follow_up: a.follow_up ?? '',
    notes: a.notes ?? '',
  };
}

const countOf = (s: string | undefined) => {
  const n = Number((s ?? '').trim());
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
};

// `presetType`: a new record of this type (a training, from the training screens).
export function ActivityFormPage({
  id,
  user,
  presetType,
}: {
  id?: string;
  user: User;
  presetType?: string;
}) {
  const { t } = useI18n();
  const config = useConfig();
  const [record, setRecord] = useState<Activity | null>(null);
  const [f, setF] = useState<Form>(() => emptyForm(user, presetType));
  const w = useWrite();
  const { fields, setFields, busy } = w;
  const courses = useCourses(f.type === 'training');
  const [reason, setReason] = useState('');

  // Client ids (contract14 §1) for a new record and its photos, kept for the form's life so a
  // second save after a refusal replaces the queued entry instead of adding one.
  const [newId] = useState(uuidv7);
  const [localOnly, setLocalOnly] = useState(false);
  const [photos, setPhotos] = useState<{ id: string; name: string; blob: Blob }[]>([]);

  useEffect(() => {
    if (!id) return;
    loadRecord<Activity>('activities', id, `/activities/${encodeURIComponent(id)}`)
      .then(async (l) => {
        const a = l.record;
        // The outbox read first, then every state at once: the form is drawn once.
        const [queued, problem] = await Promise.all([
          l.pending ? problemOrQueued(a.id, 'create') : undefined,
          problemOf(a.id),
        ]);
        setRecord(a);
        setLocalOnly(l.pending && !!queued);
        setF(formOf(a));
        if (problem?.state === 'failed') {
          setFields(fieldMessages(problem.error));
          showError(t('off.refused'));
        }
        // The institutions' names, for the chosen list (from this phone's store when offline).
        const names = await Promise.all(
          a.institution_ids.map((i) =>
            loadRecord<Institution>('institutions', i, `/institutions/${encodeURIComponent(i)}`)
              .then((x) => ({ id: i, name: x.record.name }))
              .catch(() => ({ id: i, name: i })),
          ),
        );
        setF((old) => ({ ...old, institutions: names }));
      })
      .catch(showError);
  }, [id]);

  const draft = useDraft('activity:' + (id ?? 'new'), f, !id || record !== null, setF);
  // The counts of people with a disability: open when any is counted, or when the user opens them.
  const [disabilityOpen, setDisabilityOpen] = useState(false);

  if (id && !record) return <LoadingCard />;
  const set = (p: Partial<Form>) => setF((old) => ({ ...old, ...p }));
  const total = Object.values(f.counts).reduce((s, v) => s + countOf(v), 0);
  const disabilityShown =
    disabilityOpen ||
    countedSexes().some((s) => ageBands().some((b) => countOf(f.counts[cell(s, b, true)]) > 0));
  const correcting = record?.status === 'verified';

  function body(): Record<string, unknown> {
    const counts = [];
    for (const dis of [false, true])
      for (const band of ageBands())
        for (const sex of countedSexes()) {
          const n = countOf(f.counts[cell(sex, band, dis)]);
          if (n > 0) counts.push({ sex, age_band: band, disability: dis, count: n });
        }
    const b: Record<string, unknown> = {
      type: f.type,
      course_id: f.type === 'training' ? orNull(f.course_id) : null,
      institution_ids: f.institutions.map((i) => i.id),
      held_on: f.held_on,
      area_id: f.area?.id ?? '',
      title: orNull(f.title),
      start_time: orNull(f.start_time),
      end_time: orNull(f.end_time),
      place: orNull(f.place),
      topics: f.topics,
      counts,
      attendance: f.attendance.map((x) =>
        attendanceBody(x.person_id, x.attended, x.pre_score, x.post_score),
      ),
      facilitators: f.facilitators.map((x) =>
        x.user_id ? { user_id: x.user_id } : { name: x.name },
      ),
      decisions: orNull(f.decisions),
      follow_up: orNull(f.follow_up),
      notes: orNull(f.notes),
    };
    if (!record) {
      for (const k of Object.keys(b)) if (b[k] === null) delete b[k];
    } else {
      b.version = record.version;
      if (correcting) b.correction_reason = reason.trim();
    }
    return b;
  }

  // The record as this phone shows it until the server answers.
  function local(b: Record<string, unknown>, aid: string): Activity {
    const now = new Date().toISOString();
    const counts = (b.counts as Activity['counts']) ?? [];
    return {
      ...(record ?? {
        status: 'draft',
        author_id: user.id,
        author_name: user.full_name,
        submitted_at: null,
        verified_by: null,
        verified_at: null,
        return_comment: null,
        file_count: 0,
        version: 0,
        created_at: now,
      }),
      ...(b as Partial<Activity>),
      id: aid,
      course_id: f.type === 'training' ? orNull(f.course_id) : null,
      title: orNull(f.title),
      start_time: orNull(f.start_time),
      end_time: orNull(f.end_time),
      place: orNull(f.place),
      decisions: orNull(f.decisions),
      follow_up: orNull(f.follow_up),
      notes: orNull(f.notes),
      area_name: f.area?.name ?? '',
      attendance: f.attendance,
      counts,
      counted_total: counts.reduce((n, c) => n + c.count, 0),
      named_total: f.attendance.length,
      file_count: (record?.file_count ?? 0) + photos.length,
      updated_at: now,
    } as Activity;
  }

  // Every save goes through the outbox: sent at once when online, kept on the phone when not;
  // photos follow their activity as uploads of their own.
  async function save() {
    clearMessages();
    setFields({});
    if (reasonMissing(correcting, reason, setFields)) return;
    await w.run(async () => {
      const aid = record?.id ?? newId;
      const creating = !record || localOnly;
      const b = body();
      if (creating) {
        delete b.version;
        b.id = aid;
      }
      const name = f.title.trim() || activityTypeLabel(config, f.type) || f.held_on;
      const edit = `activities/${aid}/edit`;
      await enqueue(
        creating
          ? {
              record: aid,
              entity: 'activities',
              kind: 'create',
              method: 'POST',
              path: '/activities',
              body: b,
              deps: [],
              label: t('act.labelActivity', { name }),
              edit,
            }
          : {
              record: aid,
              entity: 'activities',
              kind: 'update',
              method: 'PATCH',
              path: `/activities/${encodeURIComponent(aid)}`,
              body: b,
              deps: [],
              label: t('act.labelActivity', { name }),
              edit,
            },
        { entity: 'activities', record: local(b, aid) as unknown as Record<string, unknown> },
      );
      for (const p of photos)
        await enqueue({
          record: p.id,
          entity: 'files',
          kind: 'upload',
          method: 'POST',
          path:
            `/activities/${encodeURIComponent(aid)}/files` + query({ filename: p.name, id: p.id }),
          blob: p.blob,
          mime: p.blob.type || 'image/jpeg',
          deps: [aid],
          label: t('act.labelPhoto', { name }),
        });
      setPhotos([]);
      const result = await outcome([aid, ...photos.map((p) => p.id)]);
      if (result === 'sent' || result === 'queued') {
        await draft.clear();
        if (result === 'queued') showInfo(t('off.queued'));
        else
          showInfo(correcting ? t('act.corrected') : creating ? t('act.saved') : t('common.saved'));
        if (creating && f.type === 'training' && result === 'sent') navigate('trainings', aid);
        else navigate('activities', aid);
        return;
      }
      if (result.state === 'conflict') {
        showError(t('off.conflict'));
        navigate('outbox');
        return;
      }
      setFields(fieldMessages(result.error));
      showRefusal(result.error);
    });
  }

  const title = correcting
    ? t('act.correct')
    : record
      ? t('act.edit')
      : presetType === 'training'
        ? t('act.newTraining')
        : t('act.new');
  const types = config?.activity_types ?? [];
  const topics = config?.topics ?? [];
  const known = [
    'type',
    'course_id',
    'correction_reason',
    'title',
    'held_on',
    'start_time',
    'end_time',
    'area_id',
    'place',
    'topics',
    'decisions',
    'follow_up',
    'notes',
    'facilitators',
    'participants_total',
  ];
  return (
    <section class="card" aria-labelledby="act-form-heading">
      <Crumbs
        items={[
          { href: href('activities'), label: t('act.title') },
          ...(record
            ? [
                {
                  href: href('activities', record.id),
                  label: record.title || activityTypeLabel(config, record.type),
                },
              ]
            : []),
        ]}
        current={title}
      />
      <h1 id="act-form-heading">{title}</h1>
      <DraftNotice draft={draft} />
      <Form class="form-narrow" data-testid="activity-form" onSubmit={save}>
        {correcting && (
          <p class="notice warn" data-testid="act-correcting">
            {t('act.correctingHint')}
          </p>
        )}
        <SelectField
          label={t('act.type')}
          value={f.type}
          onChange={(type) => set({ type })}
          error={fields.type}
          testid="act-type"
          options={[
            { value: '', label: t('reg.choose') },
            ...types.map((o) => ({ value: o.code, label: activityTypeLabel(config, o.code) })),
          ]}
        />
        {f.type === 'training' && (
          <SelectField
            label={t('act.course')}
            value={f.course_id}
            error={fields.course_id}
            testid="act-course"
            onChange={(course_id) => {
              // The course's topics, unless some are already ticked.
              const c = courses?.find((x) => x.id === course_id);
              set({ course_id, topics: f.topics.length === 0 && c ? c.topics : f.topics });
            }}
            options={[
              { value: '', label: t('reg.choose') },
              ...(courses ?? []).map((c) => ({ value: c.id, label: courseTitle(c) })),
            ]}
          />
        )}
        {topics.length > 0 && (
          <TopicChips
            config={config}
            value={f.topics}
            onChange={(topics) => set({ topics })}
            error={fields.topics}
            testid="act"
          />
        )}
        <div class="form-row">
          <Field
            type="date"
            label={t('act.heldOn')}
            value={f.held_on}
            onInput={(v) => set({ held_on: v })}
            max={todayIso()}
            error={fields.held_on}
            testid="act-held-on"
          />
          <div class="form-row pair">
            <Field
              type="time"
              label={t('act.start')}
              value={f.start_time}
              onInput={(v) => set({ start_time: v })}
              error={fields.start_time}
              testid="act-start"
            />
            <Field
              type="time"
              label={t('act.end')}
              value={f.end_time}
              onInput={(v) => set({ end_time: v })}
              error={fields.end_time}
              testid="act-end"
            />
          </div>
        </div>
        <AreaPicker
          label={t('act.area')}
          value={f.area}
          onChange={(area) => set({ area })}
          error={fields.area_id}
          testid="act-area"
          villages
        />
        <Field
          label={`${t('act.place')} ${t('common.optional')}`}
          value={f.place}
          onInput={(v) => set({ place: v })}
          dir="auto"
          error={fields.place}
          testid="act-place"
        />
        <Institutions
          rows={f.institutions}
          onChange={(institutions) => set({ institutions })}
          error={
            Object.entries(fields)
              .filter(([k]) => k.startsWith('institution_ids'))
              .map(([, v]) => v)
              .join(' ') || undefined
          }
        />

        <fieldset data-testid="act-counts">
          <legend>{t('act.participants')}</legend>
          <p class="hint">{t('act.countsHint')}</p>
          <CountGrid counts={f.counts} disability={false} onChange={(counts) => set({ counts })} />
          <details
            class="count-more"
            open={disabilityShown}
            onToggle={(e) => setDisabilityOpen((e.currentTarget as HTMLDetailsElement).open)}
          >
            <summary data-testid="act-disability-toggle">{t('act.withDisability')}</summary>
            {/* Drawn only while open: the form opens sooner on a slow phone. */}
            {disabilityShown && (
              <CountGrid counts={f.counts} disability onChange={(counts) => set({ counts })} />
            )}
          </details>
          <p class="count-total" aria-live="polite" data-testid="act-total" data-total={total}>
            {t('act.total', { n: total })}
          </p>
          {(fields.counts || fields.participants_total) && (
            <div class="field-error">{fields.counts ?? fields.participants_total}</div>
          )}
        </fieldset>

        <NamedParticipants
          rows={f.attendance}
          onChange={(attendance) => set({ attendance })}
          error={fields.attendance}
          training={f.type === 'training'}
        />
        <Facilitators
          rows={f.facilitators}
          user={user}
          areaId={f.area?.id}
          onChange={(facilitators) => set({ facilitators })}
          error={fields.facilitators}
        />

        <TextAreaField
          label={`${t('act.decisions')} ${t('common.optional')}`}
          value={f.decisions}
          onInput={(v) => set({ decisions: v })}
          error={fields.decisions}
          testid="act-decisions"
        />
        <TextAreaField
          label={`${t('act.followUp')} ${t('common.optional')}`}
          value={f.follow_up}
          onInput={(v) => set({ follow_up: v })}
          error={fields.follow_up}
          testid="act-follow-up"
        />
        <details class="filter-box">
          <summary>
            {t('act.titleField')} · {t('act.notes')}
          </summary>
          <Field
            label={`${t('act.titleField')} ${t('common.optional')}`}
            value={f.title}
            onInput={(v) => set({ title: v })}
            dir="auto"
            error={fields.title}
            testid="act-title"
          />
          <TextAreaField
            label={`${t('act.notes')} ${t('common.optional')}`}
            value={f.notes}
            onInput={(v) => set({ notes: v })}
            error={fields.notes}
            testid="act-notes"
          />
        </details>
        {correcting && (
          <TextAreaField
            label={t('act.correctionReason')}
            value={reason}
            onInput={setReason}
            error={fields.correction_reason}
            testid="act-correction-reason"
          />
        )}
        <div class="field" data-testid="act-photo">
          <label for="act-photo-input">
            {t('act.photo')} {t('common.optional')}
          </label>
          <input
            id="act-photo-input"
            type="file"
            accept="image/*"
            capture="environment"
            data-testid="act-photo-input"
            onChange={async (e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (!file) return;
              const blob = await resizePhoto(file);
              const base = file.name.replace(/\.[^.]*$/, '') || 'photo';
              const name = blob.type === 'image/jpeg' && blob !== file ? base + '.jpg' : file.name;
              setPhotos((old) => [...old, { id: uuidv7(), name, blob }]);
            }}
          />
          <span class="hint">{t('act.photoHint')}</span>
          {photos.length > 0 && (
            <ul class="plain-list">
              {photos.map((p) => (
                <li
                  key={p.id}
                  class="row-between"
                  data-testid="act-photo-row"
                  data-size={p.blob.size}
                >
                  <bdi>
                    {t('act.photoSize', { name: p.name, kb: Math.round(p.blob.size / 1024) })}
                  </bdi>
                  <button
                    type="button"
                    class="link"
                    onClick={() => setPhotos((old) => old.filter((x) => x.id !== p.id))}
                  >
                    {t('act.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <OtherErrors
          fields={fields}
          entity="activities"
          shown={(k) =>
            known.includes(k) ||
            k.startsWith('counts') ||
            k.startsWith('attendance') ||
            k.startsWith('institution_ids')
          }
        />
        <div class="actions separated">
          <button type="submit" class="primary" disabled={busy} data-testid="act-save">
            {correcting ? t('act.saveCorrection') : record ? t('common.save') : t('act.saveDraft')}
          </button>
          <a
            class="button secondary"
            href={record ? href('activities', record.id) : href('activities')}
          >
            {t('common.cancel')}
          </a>
        </div>
      </Form>
    </section>
  );
}

// The institutions involved (COs, VOs, SHGs...): a list, and a picker that adds one more.
function Institutions({
  rows,
  onChange,
  error,
}: {
  rows: PickedInstitution[];
  onChange: (r: PickedInstitution[]) => void;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset data-testid="act-institutions">
      <legend>
        {t('act.institutionsInvolved')} {t('common.optional')}
      </legend>
      {rows.length > 0 && (
        <ul class="plain-list">
          {rows.map((r) => (
            <li key={r.id} class="row-between" data-testid="act-institution" data-id={r.id}>
              <bdi>{r.name}</bdi>
              <button
                type="button"
                class="link"
                onClick={() => onChange(rows.filter((x) => x.id !== r.id))}
              >
                {t('act.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <InstitutionPicker
        label={t('act.addInstitution')}
        types={[]}
        value={null}
        emptyText={rows.length ? '' : t('act.noInstitutions')}
        testid="act-inst"
        exclude={undefined}
        error={error}
        onChange={(i) => i && !rows.some((x) => x.id === i.id) && onChange([...rows, i])}
      />
    </fieldset>
  );
}

// One table: age bands down, women and men across, a number in each cell.
function CountGrid({
  counts,
  disability,
  onChange,
}: {
  counts: Counts;
  disability: boolean;
  onChange: (c: Counts) => void;
}) {
  const { t } = useI18n();
  const caption = disability ? t('act.withDisability') : t('act.withoutDisability');
  return (
    <table class="count-grid" data-testid={disability ? 'act-grid-disability' : 'act-grid'}>
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          <AgeSexHeads />
        </tr>
      </thead>
      <tbody>
        {ageBands().map((band) => (
          <tr key={band}>
            <th scope="row">
              <bdi dir="ltr">{enumLabel('age_band', band)}</bdi>
            </th>
            {countedSexes().map((sex) => {
              const k = cell(sex, band, disability);
              return (
                <td key={sex}>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={100000}
                    value={counts[k] ?? ''}
                    aria-label={t(disability ? 'act.countOfDisabled' : 'act.countOf', {
                      sex: enumLabel('sex', sex),
                      age: enumLabel('age_band', band),
                    })}
                    data-testid={`act-count-${sex}-${band}-${disability ? 1 : 0}`}
                    onInput={(e) =>
                      onChange({ ...counts, [k]: (e.currentTarget as HTMLInputElement).value })
                    }
                  />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// Households by the head's or a member's name or code: from this phone's working set once it
// holds one (offline, and without a request per keystroke); from the server when there is none,
// or when the phone finds nothing while online (a household registered elsewhere since the last
// sync).
async function findHouseholds(q: string): Promise<Household[]> {
  if (await hasWorkingSet()) {
    const local = await searchLocal<Household>('households', q, 10);
    if (local.length > 0 || !navigator.onLine) return local;
  }
  return (await get<Page<Household>>('/households' + query({ q, limit: 10 }))).items;
}

// People from the registry: find a household, then add those of its people who came (a
// training's trainees, whose test scores are entered on the training's page).
function NamedParticipants({
  rows,
  onChange,
  error,
  training,
}: {
  rows: Attendance[];
  onChange: (r: Attendance[]) => void;
  error?: string;
  training?: boolean;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Household[] | null>(null);
  const [open, setOpen] = useState<Household | null>(null);
  const [synced, setSynced] = useState(false);
  useEffect(() => {
    hasWorkingSet()
      .then(setSynced)
      .catch(() => {});
  }, []);

  useEffect(() => {
    if (q.trim().length < 2) {
      setFound(null);
      return;
    }
    let live = true;
    // A pause after typing before searching: short once the phone holds the working set (a
    // search there costs no request), longer when the server is asked.
    const timer = setTimeout(
      () => {
        findHouseholds(q.trim())
          .then((items) => live && setFound(items))
          .catch((e) => live && showError(e));
      },
      synced ? 150 : 250,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

  function choose(h: Household) {
    loadRecord<Household>('households', h.id, `/households/${encodeURIComponent(h.id)}`)
      .then((l) => setOpen(l.record))
      .catch(showError);
  }

  return (
    <details class="filter-box" open={rows.length > 0 || training} data-testid="act-named">
      <summary>
        {training ? t('act.trainees') : t('act.named')}
        {rows.length > 0 && <> · {t('act.namedCount', { n: rows.length })}</>}
      </summary>
      <p class="hint">{training ? t('act.traineesHint') : t('act.namedHint')}</p>
      {rows.length > 0 && (
        <ul class="plain-list" data-testid="act-named-list">
          {rows.map((r) => (
            <li key={r.person_id} class="row-between" data-testid="act-named-row">
              <bdi>{r.person_name ?? r.person_id}</bdi>
              <button
                type="button"
                class="link"
                onClick={() => onChange(rows.filter((x) => x.person_id !== r.person_id))}
              >
                {t('act.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="field">
        <label for="act-hh-search">{t('act.findHousehold')}</label>
        <input
          id="act-hh-search"
          type="search"
          value={q}
          autocomplete="off"
          data-testid="act-hh-search"
          onInput={(e) => {
            setQ((e.currentTarget as HTMLInputElement).value);
            setOpen(null);
          }}
        />
      </div>
      {found && !open && (
        <ul class="picker-results">
          {found.length === 0 && <li class="muted">{t('act.noMatches')}</li>}
          {found.map((h) => (
            <li key={h.id}>
              <button
                type="button"
                class="link"
                data-testid="act-hh-option"
                onClick={() => choose(h)}
              >
                <bdi>{h.head_name}</bdi>{' '}
                <span class="muted">
                  (<bdi>{h.area_name}</bdi>)
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <ul class="picker-results" data-testid="act-people">
          {(open.people ?? []).map((p) => {
            const added = rows.some((x) => x.person_id === p.id);
            return (
              <li key={p.id} class="row-between">
                <span>
                  <bdi>{p.name}</bdi>{' '}
                  <span class="muted small">
                    {enumLabel('sex', p.sex)}
                    {p.age !== null && <> · {num(p.age)}</>}
                  </span>
                </span>
                <button
                  type="button"
                  class="secondary small-button"
                  disabled={added}
                  data-testid="act-person-add"
                  onClick={() =>
                    onChange([
                      ...rows,
                      {
                        person_id: p.id,
                        person_name: p.name,
                        person_sex: p.sex,
                        attended: true,
                        pre_score: null,
                        post_score: null,
                      },
                    ])
                  }
                >
                  {t('act.add')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {error && <div class="field-error">{error}</div>}
    </details>
  );
}

function Facilitators({
  rows,
  user,
  areaId,
  onChange,
  error,
}: {
  rows: Facilitator[];
  user: User;
  areaId?: string;
  onChange: (r: Facilitator[]) => void;
  error?: string;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  // Colleagues with a role in the activity's area (or above it), picked by name.
  const [staff, setStaff] = useState<StaffMember[]>([]);
  useEffect(() => {
    // Offline there is no one to ask (colleagues are not in the working set): no request.
    if (!navigator.onLine) return;
    let live = true;
    get<Page<StaffMember>>('/staff' + query({ area: areaId, limit: 500 }))
      .then((p) => live && setStaff(p.items))
      .catch(() => live && setStaff([]));
    return () => {
      live = false;
    };
  }, [areaId]);
  const colleagues = staff.filter((u) => u.id !== user.id && !rows.some((r) => r.user_id === u.id));
  const hasMe = rows.some((r) => r.user_id === user.id);
  const add = () => {
    if (!name.trim()) return;
    onChange([...rows, { user_id: null, name: name.trim() }]);
    setName('');
  };
  return (
    <fieldset data-testid="act-facilitators">
      <legend>{t('act.facilitators')}</legend>
      {rows.length > 0 && (
        <ul class="plain-list">
          {rows.map((r, i) => (
            <li key={i} class="row-between" data-testid="act-facilitator">
              <bdi>{r.user_id === user.id ? user.full_name : (r.name ?? r.user_id)}</bdi>
              <button
                type="button"
                class="link"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                {t('act.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!hasMe && (
        <button
          type="button"
          class="secondary small-button"
          data-testid="act-facilitator-me"
          onClick={() => onChange([...rows, { user_id: user.id, name: null }])}
        >
          {t('act.addMe', { name: user.full_name })}
        </button>
      )}
      {colleagues.length > 0 && (
        <SelectField
          label={t('act.addColleague')}
          value=""
          testid="act-facilitator-staff"
          options={[
            { value: '', label: t('act.chooseColleague') },
            ...colleagues.map((u) => ({ value: u.id, label: u.full_name })),
          ]}
          onChange={(id) => {
            const u = colleagues.find((x) => x.id === id);
            if (u) onChange([...rows, { user_id: u.id, name: u.full_name }]);
          }}
        />
      )}
      <div class="inline-add">
        <Field
          label={t('act.facilitatorName')}
          value={name}
          onInput={setName}
          dir="auto"
          testid="act-facilitator-name"
        />
        <button type="button" class="secondary" data-testid="act-facilitator-add" onClick={add}>
          {t('act.add')}
        </button>
      </div>
      {error && <div class="field-error">{error}</div>}
    </fieldset>
  );
}
