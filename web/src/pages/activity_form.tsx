// Record (or correct) a session: type, topics, date and time, area, place, participants counted
// by sex x age band x disability with a running total, optional named participants from the
// registry, facilitators, decisions and follow-up. Saved as a draft; the record page then takes
// the attendance sheet and the submission.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, patch, post, query } from '../api';
import { AreaPicker, type PickedArea } from '../components/area_picker';
import { Field, SelectField, TextAreaField } from '../components/field';
import { Crumbs } from '../components/registry_bits';
import { useI18n } from '../i18n';
import { clearMessages, showError, showInfo } from '../messages';
import { enumLabel, num, orNull, todayIso, useConfig } from '../registry_data';
import { href, navigate } from '../router';
import type { Activity, Attendance, Household, Page, User } from '../types';
import { AGE_BANDS, activityTypeLabel, OtherErrors, SEXES, topicLabel } from './field_bits';

type Counts = Record<string, string>; // "f|18-59|0" -> the typed number
const cell = (sex: string, band: string, dis: boolean) => `${sex}|${band}|${dis ? 1 : 0}`;

interface Facilitator {
  user_id: string | null;
  name: string | null;
}

interface Form {
  type: string;
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

function emptyForm(user: User): Form {
  return {
    type: '', title: '', held_on: todayIso(), start_time: '', end_time: '', area: null, place: '', topics: [], counts: {},
    attendance: [], facilitators: [{ user_id: user.id, name: null }], decisions: '', follow_up: '', notes: '',
  };
}

function formOf(a: Activity): Form {
  const counts: Counts = {};
  for (const c of a.counts) counts[cell(c.sex, c.age_band, c.disability)] = String(c.count);
  return {
    type: a.type, title: a.title ?? '', held_on: a.held_on, start_time: a.start_time ?? '', end_time: a.end_time ?? '',
    area: { id: a.area_id, name: a.area_name }, place: a.place ?? '', topics: a.topics, counts, attendance: a.attendance,
    facilitators: a.facilitators, decisions: a.decisions ?? '', follow_up: a.follow_up ?? '', notes: a.notes ?? '',
  };
}

const countOf = (s: string | undefined) => {
  const n = Number((s ?? '').trim());
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
};

export function ActivityFormPage({ id, user }: { id?: string; user: User }) {
  const { t } = useI18n();
  const config = useConfig();
  const [record, setRecord] = useState<Activity | null>(null);
  const [f, setF] = useState<Form>(() => emptyForm(user));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!id) return;
    let live = true;
    get<Activity>(`/activities/${encodeURIComponent(id)}`)
      .then((a) => {
        if (!live) return;
        setRecord(a);
        setF(formOf(a));
      })
      .catch((e) => live && showError(e));
    return () => {
      live = false;
    };
  }, [id]);

  if (id && !record) return <section class="card"><p class="muted">{t('common.loading')}</p></section>;
  const set = (p: Partial<Form>) => setF((old) => ({ ...old, ...p }));
  const total = Object.values(f.counts).reduce((s, v) => s + countOf(v), 0);

  function body(): Record<string, unknown> {
    const counts = [];
    for (const dis of [false, true])
      for (const band of AGE_BANDS)
        for (const sex of SEXES) {
          const n = countOf(f.counts[cell(sex, band, dis)]);
          if (n > 0) counts.push({ sex, age_band: band, disability: dis, count: n });
        }
    const b: Record<string, unknown> = {
      type: f.type,
      held_on: f.held_on,
      area_id: f.area?.id ?? '',
      title: orNull(f.title),
      start_time: orNull(f.start_time),
      end_time: orNull(f.end_time),
      place: orNull(f.place),
      topics: f.topics,
      counts,
      attendance: f.attendance.map((x) => ({ person_id: x.person_id, attended: x.attended, pre_score: x.pre_score, post_score: x.post_score })),
      facilitators: f.facilitators.map((x) => (x.user_id ? { user_id: x.user_id } : { name: x.name })),
      decisions: orNull(f.decisions),
      follow_up: orNull(f.follow_up),
      notes: orNull(f.notes),
    };
    if (!record) {
      for (const k of Object.keys(b)) if (b[k] === null) delete b[k];
    } else {
      b.version = record.version;
    }
    return b;
  }

  async function save() {
    clearMessages();
    setFields({});
    setBusy(true);
    try {
      const saved = record
        ? await patch<Activity>(`/activities/${encodeURIComponent(record.id)}`, body())
        : await post<Activity>('/activities', body());
      showInfo(record ? t('common.saved') : t('act.saved'));
      navigate('activities', saved.id);
    } catch (err) {
      if (err instanceof ApiError) {
        setFields(err.fields);
        if (err.code === 'conflict' && err.current) {
          const a = err.current as Activity;
          setRecord(a);
          setF(formOf(a));
        }
      }
      showError(err);
    } finally {
      setBusy(false);
    }
  }

  const title = record ? t('act.edit') : t('act.new');
  const types = config?.activity_types ?? [];
  const topics = config?.topics ?? [];
  const known = ['type', 'title', 'held_on', 'start_time', 'end_time', 'area_id', 'place', 'topics', 'decisions', 'follow_up', 'notes', 'facilitators', 'participants_total'];
  return (
    <section class="card" aria-labelledby="act-form-heading">
      <Crumbs items={[{ href: href('activities'), label: t('act.title') }, ...(record ? [{ href: href('activities', record.id), label: record.title || activityTypeLabel(config, record.type) }] : [])]} current={title} />
      <h1 id="act-form-heading">{title}</h1>
      <form class="form-narrow" noValidate data-testid="activity-form" onSubmit={(e) => { e.preventDefault(); save(); }}>
        <SelectField label={t('act.type')} value={f.type} onChange={(type) => set({ type })} error={fields.type} testid="act-type"
          options={[{ value: '', label: t('reg.choose') }, ...types.map((o) => ({ value: o.code, label: activityTypeLabel(config, o.code) }))]} />
        {topics.length > 0 && (
          <fieldset data-testid="act-topics">
            <legend>{t('act.topics')}</legend>
            <div class="chips">
              {topics.map((o) => (
                <label class="chip" key={o.code}>
                  <input type="checkbox" checked={f.topics.includes(o.code)} data-testid={'act-topic-' + o.code} onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    set({ topics: on ? [...f.topics, o.code] : f.topics.filter((x) => x !== o.code) });
                  }} />
                  <span>{topicLabel(config, o.code)}</span>
                </label>
              ))}
            </div>
            {fields.topics && <div class="field-error">{fields.topics}</div>}
          </fieldset>
        )}
        <div class="form-row">
          <Field type="date" label={t('act.heldOn')} value={f.held_on} onInput={(v) => set({ held_on: v })} max={todayIso()} error={fields.held_on} testid="act-held-on" />
          <div class="form-row pair">
            <Field type="time" label={t('act.start')} value={f.start_time} onInput={(v) => set({ start_time: v })} error={fields.start_time} testid="act-start" />
            <Field type="time" label={t('act.end')} value={f.end_time} onInput={(v) => set({ end_time: v })} error={fields.end_time} testid="act-end" />
          </div>
        </div>
        <AreaPicker label={t('act.area')} value={f.area} onChange={(area) => set({ area })} error={fields.area_id} testid="act-area" />
        <Field label={`${t('act.place')} ${t('common.optional')}`} value={f.place} onInput={(v) => set({ place: v })} dir="auto" error={fields.place} testid="act-place" />

        <fieldset data-testid="act-counts">
          <legend>{t('act.participants')}</legend>
          <p class="hint">{t('act.countsHint')}</p>
          <CountGrid counts={f.counts} disability={false} onChange={(counts) => set({ counts })} />
          <details class="count-more" open={SEXES.some((s) => AGE_BANDS.some((b) => countOf(f.counts[cell(s, b, true)]) > 0))}>
            <summary data-testid="act-disability-toggle">{t('act.withDisability')}</summary>
            <CountGrid counts={f.counts} disability onChange={(counts) => set({ counts })} />
          </details>
          <p class="count-total" aria-live="polite" data-testid="act-total" data-total={total}>{t('act.total', { n: total })}</p>
          {(fields.counts || fields.participants_total) && <div class="field-error">{fields.counts ?? fields.participants_total}</div>}
        </fieldset>

        <NamedParticipants rows={f.attendance} onChange={(attendance) => set({ attendance })} error={fields.attendance} />
        <Facilitators rows={f.facilitators} user={user} onChange={(facilitators) => set({ facilitators })} error={fields.facilitators} />

        <TextAreaField label={`${t('act.decisions')} ${t('common.optional')}`} value={f.decisions} onInput={(v) => set({ decisions: v })} error={fields.decisions} testid="act-decisions" />
        <TextAreaField label={`${t('act.followUp')} ${t('common.optional')}`} value={f.follow_up} onInput={(v) => set({ follow_up: v })} error={fields.follow_up} testid="act-follow-up" />
        <details class="filter-box">
          <summary>{t('act.titleField')} · {t('act.notes')}</summary>
          <Field label={`${t('act.titleField')} ${t('common.optional')}`} value={f.title} onInput={(v) => set({ title: v })} dir="auto" error={fields.title} testid="act-title" />
          <TextAreaField label={`${t('act.notes')} ${t('common.optional')}`} value={f.notes} onInput={(v) => set({ notes: v })} error={fields.notes} testid="act-notes" />
        </details>
        <OtherErrors fields={fields} shown={(k) => known.includes(k) || k.startsWith('counts') || k.startsWith('attendance')} />
        <div class="actions separated">
          <button type="submit" class="primary" disabled={busy} data-testid="act-save">{record ? t('common.save') : t('act.saveDraft')}</button>
          <a class="button secondary" href={record ? href('activities', record.id) : href('activities')}>{t('common.cancel')}</a>
        </div>
      </form>
    </section>
  );
}

// One table: age bands down, women and men across, a number in each cell.
function CountGrid({ counts, disability, onChange }: { counts: Counts; disability: boolean; onChange: (c: Counts) => void }) {
  const { t } = useI18n();
  const caption = disability ? t('act.withDisability') : t('act.withoutDisability');
  return (
    <table class="count-grid" data-testid={disability ? 'act-grid-disability' : 'act-grid'}>
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('act.ageBand')}</th>
          {SEXES.map((s) => <th scope="col" key={s}>{enumLabel('sex', s)}</th>)}
        </tr>
      </thead>
      <tbody>
        {AGE_BANDS.map((band) => (
          <tr key={band}>
            <th scope="row"><bdi dir="ltr">{enumLabel('age_band', band)}</bdi></th>
            {SEXES.map((sex) => {
              const k = cell(sex, band, disability);
              return (
                <td key={sex}>
                  <input type="number" inputMode="numeric" min={0} max={100000} value={counts[k] ?? ''}
                    aria-label={t(disability ? 'act.countOfDisabled' : 'act.countOf', { sex: enumLabel('sex', sex), age: enumLabel('age_band', band) })}
                    data-testid={`act-count-${sex}-${band}-${disability ? 1 : 0}`}
                    onInput={(e) => onChange({ ...counts, [k]: (e.currentTarget as HTMLInputElement).value })} />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// People from the registry: find a household, then add those of its people who came.
function NamedParticipants({ rows, onChange, error }: { rows: Attendance[]; onChange: (r: Attendance[]) => void; error?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Household[] | null>(null);
  const [open, setOpen] = useState<Household | null>(null);

  useEffect(() => {
    if (q.trim().length < 2) {
      setFound(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      get<Page<Household>>('/households' + query({ q: q.trim(), limit: 10 }))
        .then((p) => live && setFound(p.items))
        .catch((e) => live && showError(e));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

  function choose(h: Household) {
    get<Household>(`/households/${encodeURIComponent(h.id)}`).then(setOpen).catch(showError);
  }

  return (
    <details class="filter-box" open={rows.length > 0} data-testid="act-named">
      <summary>{t('act.named')}{rows.length > 0 && <> · {t('act.namedCount', { n: rows.length })}</>}</summary>
      <p class="hint">{t('act.namedHint')}</p>
      {rows.length > 0 && (
        <ul class="plain-list" data-testid="act-named-list">
          {rows.map((r) => (
            <li key={r.person_id} class="row-between" data-testid="act-named-row">
              <bdi>{r.person_name ?? r.person_id}</bdi>
              <button type="button" class="link" onClick={() => onChange(rows.filter((x) => x.person_id !== r.person_id))}>{t('act.remove')}</button>
            </li>
          ))}
        </ul>
      )}
      <div class="field">
        <label for="act-hh-search">{t('act.findHousehold')}</label>
        <input id="act-hh-search" type="search" value={q} autocomplete="off" data-testid="act-hh-search"
          onInput={(e) => { setQ((e.currentTarget as HTMLInputElement).value); setOpen(null); }} />
      </div>
      {found && !open && (
        <ul class="picker-results">
          {found.length === 0 && <li class="muted">{t('act.noMatches')}</li>}
          {found.map((h) => (
            <li key={h.id}>
              <button type="button" class="link" data-testid="act-hh-option" onClick={() => choose(h)}>
                <bdi>{h.head_name}</bdi> <span class="muted">(<bdi>{h.area_name}</bdi>)</span>
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
                <span><bdi>{p.name}</bdi> <span class="muted small">{enumLabel('sex', p.sex)}{p.age !== null && <> · {num(p.age)}</>}</span></span>
                <button type="button" class="secondary small-button" disabled={added} data-testid="act-person-add"
                  onClick={() => onChange([...rows, { person_id: p.id, person_name: p.name, person_sex: p.sex, attended: true, pre_score: null, post_score: null }])}>
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

function Facilitators({ rows, user, onChange, error }: { rows: Facilitator[]; user: User; onChange: (r: Facilitator[]) => void; error?: string }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
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
              <bdi>{r.user_id === user.id ? user.full_name : r.name ?? r.user_id}</bdi>
              <button type="button" class="link" onClick={() => onChange(rows.filter((_, j) => j !== i))}>{t('act.remove')}</button>
            </li>
          ))}
        </ul>
      )}
      {!hasMe && (
        <button type="button" class="secondary small-button" data-testid="act-facilitator-me" onClick={() => onChange([...rows, { user_id: user.id, name: null }])}>
          {t('act.addMe', { name: user.full_name })}
        </button>
      )}
      <div class="inline-add">
        <Field label={t('act.facilitatorName')} value={name} onInput={setName} dir="auto" testid="act-facilitator-name" />
        <button type="button" class="secondary" data-testid="act-facilitator-add" onClick={add}>{t('act.add')}</button>
      </div>
      {error && <div class="field-error">{error}</div>}
    </fieldset>
  );
}
