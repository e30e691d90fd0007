// Training events (activities of type training with a course): the list, and one event with its
// trainees' pre- and post-test scores (PUT /trainings/{id}/trainees: the author or a supervisor
// on a draft, a supervisor's correction with a reason once submitted), their absolute and
// normalised gains ((post − pre) / (max − pre)) and averages from the server, and follow-ups of
// whether each trainee applies the skills (recorded, changed and deleted).
import { useState } from 'preact/hooks';
import { ApiError, del, get, patch, post, query } from '../../api';
import { Field, SelectField, TextAreaField } from '../../components/form_fields';
import { Form } from '../../components/form';
import { ConfirmBox } from '../../components/confirm_box';
import { Crumbs, Facts, Ltr, useWrite } from '../../components/registry_bits';
import { ListSection } from '../../components/lists';
import { useI18n } from '../../i18n';
import { clearMessages, showInfo, showRefusal } from '../../messages';
import { num, todayIso, useConfig } from '../../registry_data';
import { href } from '../../router';
import { createStore, useStore } from '../../store';
import type { Activity, Followup, Page, TraineeReport, User } from '../../types';
import { ActivityList } from '../fieldwork/activities';
import {
  ActivityStatus,
  codeLabel,
  courseTitle,
  OtherErrors,
  topicLabel,
  useCourses,
  reasonMissing,
} from '../fieldwork/common';
import type { TrainingRights } from './common';
import { APPLIES, ratio, score, TrainingTabs } from './common';
import { useFetch } from '../../use_fetch';
import { localTraining, saveScores as queueScores, type ScoresBody } from '../../offline/scores';
import { problemOf } from '../../offline/outbox';
import { fieldMessages } from '../../i18n/field_message';

const LIMIT = 50;
const offsetStore = createStore(0);

export function TrainingsPage({ rights }: { rights: TrainingRights }) {
  const { t } = useI18n();
  const offset = useStore(offsetStore);
  const courses = useCourses();
  const { data: page } = useFetch<Page<Activity>>(
    '/activities' + query({ type: 'training', limit: LIMIT, offset }),
  );
  return (
    <ListSection
      headingId="tr-heading"
      testid="trainings"
      title={t('tr.eventsTitle')}
      tabs={<TrainingTabs current="events" />}
      actions={
        rights.write && (
          <a class="button primary" href={href('trainings', 'new')} data-testid="training-new">
            {t('act.newTraining')}
          </a>
        )
      }
    >
      <ActivityList
        page={page}
        empty={t('tr.noEvents')}
        onOffset={(n) => offsetStore.set(n)}
        link={(a) => href('trainings', a.id)}
        titleOf={(a) => courseTitle(courses?.find((c) => c.id === a.course_id))}
      />
    </ListSection>
  );
}

type Scores = Record<string, { pre: string; post: string }>;

const scoreText = (n: number | null) => (n === null ? '' : String(n));
// Empty: not tested (null); a number; anything else as typed, for the server to name.
const scoreValue = (s: string): number | string | null => {
  const v = s.trim();
  if (!v) return null;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : v;
};

export function TrainingEventPage({
  id,
  user,
  rights,
}: {
  id: string;
  user: User;
  rights: TrainingRights;
}) {
  const { t } = useI18n();
  const config = useConfig();
  const courses = useCourses();
  const [a, setA] = useState<Activity | null>(null);
  const [report, setReport] = useState<TraineeReport | null>(null);
  const [followups, setFollowups] = useState<Followup[]>([]);
  const [scores, setScores] = useState<Scores>({});
  const w = useWrite();
  const { fields, setFields, busy } = w;
  const [reason, setReason] = useState('');
  const [reload, setReload] = useState(0);

  // The training, its trainees' report and follow-ups, read again after each change; with no
  // connection, the training as this phone holds it (scores are then queued).
  const tid = encodeURIComponent(id);
  useFetch(`${id}#${reload}`, {
    load: (_, signal) =>
      Promise.all([
        get<Activity>(`/activities/${tid}`, { signal }),
        get<TraineeReport>(`/trainings/${tid}/trainees`, { signal }),
        get<{ items: Followup[] }>(`/trainings/${tid}/followups`, { signal }),
      ]).catch(async (e) => {
        const l = e instanceof ApiError && e.status === 0 ? await localTraining(id) : null;
        if (!l) throw e;
        return [l.act, l.report, { items: [] as Followup[] }] as const;
      }),
    onData: ([act, r, f]) => {
      setA(act);
      setReport(r);
      setFollowups(f.items);
      const s: Scores = {};
      for (const x of act.attendance)
        s[x.person_id] = { pre: scoreText(x.pre_score), post: scoreText(x.post_score) };
      setScores(s);
      // Scores the server refused (opened from the outbox's "Fix"): as they were typed, with the
      // server's errors, to correct and save again (which replaces the refused entry).
      problemOf(`${id}/trainees`)
        .then((e) => {
          if (e?.state !== 'failed') return;
          const body = e.body as ScoresBody;
          const typed = (v: unknown) => (v === null || v === undefined ? '' : String(v));
          const fixed: Scores = { ...s };
          for (const x of body.trainees)
            fixed[x.person_id] = { pre: typed(x.pre_score), post: typed(x.post_score) };
          setScores(fixed);
          if (body.correction_reason) setReason(body.correction_reason);
          setFields(fieldMessages(e.error));
          showRefusal(e.error);
        })
        .catch(() => {});
    },
  });

  if (!a || !report)
    return (
      <section class="card">
        <TrainingTabs current="events" />
        <p class="muted">{t('common.loading')}</p>
      </section>
    );
  const course = courses?.find((c) => c.id === a.course_id);
  const title = courseTitle(course, report.course_title);
  const author = a.author_id === user.id;
  // A draft: its author's or a supervisor's; submitted or verified: a supervisor's correction.
  const submitted = a.status === 'submitted' || a.status === 'verified';
  const correcting = submitted && rights.verifier && !author;
  const editable =
    ((a.status === 'draft' || a.status === 'returned') && (author || rights.verifier)) ||
    correcting;
  const hasTest = report.test_max !== null;

  async function saveScores() {
    if (!a || !report) return;
    clearMessages();
    setFields({});
    if (reasonMissing(correcting, reason, setFields)) return;
    await w.run(async () => {
      // Every trainee, in the order of the table, so that an error's row is the table's row.
      const body: Record<string, unknown> = {
        version: report.version,
        trainees: a.attendance.map((x) => ({
          person_id: x.person_id,
          pre_score: scoreValue(scores[x.person_id]?.pre ?? ''),
          post_score: scoreValue(scores[x.person_id]?.post ?? ''),
        })),
      };
      if (correcting) body.correction_reason = reason.trim();
      // Through the outbox: sent at once when online, kept on the phone when not.
      const result = await queueScores(
        a,
        body as unknown as ScoresBody,
        t('tr.scoresLabel', { title }),
      );
      if (result === 'queued') {
        showInfo(t('off.queued'));
        setReason('');
        return;
      }
      if (result !== 'sent') {
        const fields = fieldMessages(result.error);
        setFields(fields);
        if (fields.version) setReload((n) => n + 1); // changed meanwhile: show it as it is now
        showRefusal(result.error);
        return;
      }
      showInfo(correcting ? t('act.corrected') : t('tr.scoresSaved'));
      setReason('');
      setReload((n) => n + 1);
    });
  }

  const rowOf = new Map(a.attendance.map((x, i) => [x.person_id, i]));
  const gains = new Map(report.items.map((x) => [x.person_id, x]));
  return (
    <>
      <section
        class="card"
        aria-labelledby="tr-event-heading"
        data-testid="training-event"
        data-id={a.id}
        data-status={a.status}
      >
        <TrainingTabs current="events" />
        <Crumbs items={[{ href: href('trainings'), label: t('tr.eventsTitle') }]} current={title} />
        <div class="section-head">
          <h1 id="tr-event-heading" data-testid="training-title">
            <bdi>{title}</bdi>
          </h1>
          <a class="button secondary" href={href('activities', a.id)} data-testid="training-record">
            {t('tr.sessionRecord')}
          </a>
        </div>
        <p class="badges">
          <ActivityStatus status={a.status} />
        </p>
        <Facts
          rows={[
            [t('act.when'), <Ltr>{a.held_on}</Ltr>],
            [t('act.area'), <bdi>{a.area_name}</bdi>],
            [
              t('tr.testMax'),
              hasTest ? (
                <span data-testid="training-test-max">{num(report.test_max ?? 0)}</span>
              ) : (
                t('tr.noTest')
              ),
            ],
            [t('act.trainees'), num(a.attendance.length)],
            [t('act.topics'), a.topics.map((x) => topicLabel(config, x)).join(t('common.listSep'))],
          ]}
        />
      </section>

      <section class="card" aria-labelledby="tr-scores-heading" data-testid="training-scores">
        <h2 id="tr-scores-heading">{t('tr.scoresTitle')}</h2>
        {a.attendance.length === 0 ? (
          <p class="muted" data-testid="training-no-trainees">
            {t('tr.noTrainees')}
          </p>
        ) : (
          <Form onSubmit={saveScores}>
            {hasTest && (
              <p class="hint">
                {t('tr.scoresHint', { min: num(0), max: num(report.test_max ?? 0) })}
              </p>
            )}
            {!editable && <p class="hint">{t('tr.scoresLocked')}</p>}
            <div class="table-wrap">
              <table class="stack numbers trainee-table tr-table" data-testid="trainee-table">
                <thead>
                  <tr>
                    <th scope="col" class="text">
                      {t('tr.trainee')}
                    </th>
                    <th scope="col">{t('tr.pre')}</th>
                    <th scope="col">{t('tr.post')}</th>
                    <th scope="col">{t('tr.gain')}</th>
                    <th scope="col">{t('tr.normalisedGain')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.attendance.map((x) => {
                    const i = rowOf.get(x.person_id) ?? 0;
                    const g = gains.get(x.person_id);
                    const s = scores[x.person_id] ?? { pre: '', post: '' };
                    const err = (k: 'pre_score' | 'post_score') => fields[`trainees[${i}].${k}`];
                    const input = (k: 'pre' | 'post') => {
                      const e = err(k === 'pre' ? 'pre_score' : 'post_score');
                      const label = t(k === 'pre' ? 'tr.preOf' : 'tr.postOf', {
                        name: x.person_name ?? '',
                      });
                      return (
                        <div class={e ? 'field-invalid score-cell' : 'score-cell'}>
                          <input
                            type="number"
                            inputMode="decimal"
                            min={0}
                            max={report.test_max ?? undefined}
                            step="any"
                            value={s[k]}
                            aria-label={label}
                            aria-invalid={e ? true : undefined}
                            disabled={!editable || !hasTest}
                            data-testid={`score-${k}-${i}`}
                            onInput={(ev) =>
                              setScores({
                                ...scores,
                                [x.person_id]: {
                                  ...s,
                                  [k]: (ev.currentTarget as HTMLInputElement).value,
                                },
                              })
                            }
                          />
                          {e && (
                            <div class="field-error" data-testid={`score-${k}-${i}-error`}>
                              {e}
                            </div>
                          )}
                        </div>
                      );
                    };
                    return (
                      <tr key={x.person_id} data-testid="trainee-row" data-person={x.person_id}>
                        <td class="stack-title text">
                          <bdi>{x.person_name ?? x.person_id}</bdi>
                        </td>
                        <td data-label={t('tr.pre')}>{input('pre')}</td>
                        <td data-label={t('tr.post')}>{input('post')}</td>
                        <td
                          data-label={t('tr.gain')}
                          data-testid="trainee-gain"
                          data-value={g?.gain ?? ''}
                        >
                          {score(g?.gain)}
                        </td>
                        <td
                          data-label={t('tr.normalisedGain')}
                          data-testid="trainee-ngain"
                          data-value={g?.normalised_gain ?? ''}
                        >
                          {ratio(g?.normalised_gain)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr data-testid="trainee-average">
                    <th scope="row" colSpan={3} class="text">
                      {t('tr.average')}
                    </th>
                    <td
                      data-label={t('tr.gain')}
                      data-testid="average-gain"
                      data-value={report.average_gain ?? ''}
                    >
                      {score(report.average_gain)}
                    </td>
                    <td
                      data-label={t('tr.normalisedGain')}
                      data-testid="average-ngain"
                      data-value={report.average_normalised_gain ?? ''}
                    >
                      {ratio(report.average_normalised_gain)}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
            <p class="hint">{t('tr.gainHint')}</p>
            {editable && hasTest && (
              <>
                {correcting && (
                  <p class="notice warn" data-testid="scores-correcting">
                    {t('tr.correctingScores')}
                  </p>
                )}
                {correcting && (
                  <TextAreaField
                    label={t('act.correctionReason')}
                    value={reason}
                    onInput={setReason}
                    error={fields.correction_reason}
                    testid="scores-correction-reason"
                  />
                )}
                <OtherErrors
                  fields={fields}
                  shown={(k) =>
                    /^trainees\[\d+\]\.(pre|post)_score$/.test(k) || k === 'correction_reason'
                  }
                />
                <div class="actions">
                  <button type="submit" class="primary" disabled={busy} data-testid="scores-save">
                    {correcting ? t('act.saveCorrection') : t('tr.saveScores')}
                  </button>
                </div>
              </>
            )}
          </Form>
        )}
      </section>

      <FollowupSection
        activity={a}
        followups={followups}
        canWrite={rights.write}
        onChanged={() => setReload((n) => n + 1)}
      />
    </>
  );
}

function FollowupSection({
  activity,
  followups,
  canWrite,
  onChanged,
}: {
  activity: Activity;
  followups: Followup[];
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  // The follow-up being changed (null: a new one) and the one asked to be deleted.
  const [editing, setEditing] = useState<Followup | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [person, setPerson] = useState('');
  const [on, setOn] = useState(todayIso());
  const [applies, setApplies] = useState('');
  const [notes, setNotes] = useState('');
  const w = useWrite();
  const { fields, setFields, busy } = w;
  const base = `/trainings/${encodeURIComponent(activity.id)}/followups`;

  function reset(f: Followup | null) {
    setEditing(f);
    setFields({});
    setPerson(f?.person_id ?? '');
    setOn(f?.followed_on ?? todayIso());
    setApplies(f?.applies ?? '');
    setNotes(f?.notes ?? '');
  }

  async function save() {
    clearMessages();
    setFields({});
    await w.save(async () => {
      if (editing) {
        await patch<Followup>(`${base}/${encodeURIComponent(editing.id)}`, {
          version: editing.version,
          followed_on: on,
          applies,
          notes: notes.trim() || null,
        });
      } else {
        const body: Record<string, unknown> = { person_id: person, followed_on: on, applies };
        if (notes.trim()) body.notes = notes.trim();
        await post<Followup>(base, body);
      }
      showInfo(t('tr.followupSaved'));
      reset(null);
      onChanged();
    });
  }

  async function remove(f: Followup) {
    await w.remove(async () => {
      await del(`${base}/${encodeURIComponent(f.id)}`);
      showInfo(t('tr.followupDeleted'));
      setDeleting(null);
      if (editing?.id === f.id) reset(null);
      onChanged();
    });
  }

  return (
    <section class="card" aria-labelledby="tr-fu-heading" data-testid="training-followups">
      <h2 id="tr-fu-heading">{t('tr.followups')}</h2>
      <p class="hint">{t('tr.followupsHint')}</p>
      {followups.length === 0 ? (
        <p class="muted" data-testid="followup-none">
          {t('tr.noFollowups')}
        </p>
      ) : (
        <ul class="record-list" data-testid="followup-list">
          {followups.map((f) => (
            <li
              key={f.id}
              data-testid="followup-row"
              data-id={f.id}
              data-person={f.person_id}
              data-applies={f.applies}
            >
              <div class="record-link">
                <span class="record-title">
                  <bdi>{f.person_name}</bdi>
                </span>
                <span class="record-meta">
                  <Ltr>{f.followed_on}</Ltr>
                  {f.notes && (
                    <>
                      {' '}
                      · <bdi dir="auto">{f.notes}</bdi>
                    </>
                  )}
                </span>
                {canWrite && (
                  <span class="row-actions">
                    <button
                      type="button"
                      class="link"
                      data-testid="followup-edit"
                      aria-pressed={editing?.id === f.id}
                      onClick={() => reset(editing?.id === f.id ? null : f)}
                    >
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      class="link"
                      data-testid="followup-delete"
                      aria-expanded={deleting === f.id}
                      onClick={() => setDeleting(deleting === f.id ? null : f.id)}
                    >
                      {t('common.delete')}
                    </button>
                  </span>
                )}
                {deleting === f.id && (
                  <ConfirmBox
                    testid="followup-delete"
                    text={t('tr.confirmDeleteFollowup', { name: f.person_name })}
                    busy={busy}
                    onConfirm={() => remove(f)}
                    onCancel={() => setDeleting(null)}
                  />
                )}
              </div>
              <span
                class={
                  'badge ' + (f.applies === 'yes' ? 'on' : f.applies === 'no' ? 'off' : 'warn')
                }
              >
                {codeLabel('tr.applies.', f.applies)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canWrite && activity.attendance.length > 0 && (
        <Form
          class="form-narrow subform"
          data-testid="followup-form"
          data-editing={editing?.id ?? ''}
          onSubmit={save}
        >
          <h3>
            {editing ? t('tr.editFollowup', { name: editing.person_name }) : t('tr.addFollowup')}
          </h3>
          {!editing && (
            <SelectField
              label={t('tr.trainee')}
              value={person}
              onChange={setPerson}
              error={fields.person_id}
              testid="followup-person"
              options={[
                { value: '', label: t('reg.choose') },
                ...activity.attendance.map((x) => ({
                  value: x.person_id,
                  label: x.person_name ?? x.person_id,
                })),
              ]}
            />
          )}
          <Field
            type="date"
            label={t('tr.followedOn')}
            value={on}
            onInput={setOn}
            min={activity.held_on}
            max={todayIso()}
            error={fields.followed_on}
            testid="followup-date"
          />
          <fieldset data-testid="followup-applies">
            <legend>{t('tr.appliesQuestion')}</legend>
            <div class="choice-row">
              {APPLIES.map((v) => (
                <label class="check" key={v}>
                  <input
                    type="radio"
                    name="applies"
                    value={v}
                    checked={applies === v}
                    data-testid={'followup-applies-' + v}
                    onChange={() => setApplies(v)}
                  />
                  <span>{codeLabel('tr.applies.', v)}</span>
                </label>
              ))}
            </div>
            {fields.applies && (
              <div class="field-error" data-testid="followup-applies-error">
                {fields.applies}
              </div>
            )}
          </fieldset>
          <TextAreaField
            label={`${t('act.notes')} ${t('common.optional')}`}
            value={notes}
            onInput={setNotes}
            error={fields.notes}
            testid="followup-notes"
          />
          <OtherErrors
            fields={fields}
            shown={(k) => ['person_id', 'followed_on', 'applies', 'notes'].includes(k)}
          />
          <div class="actions">
            <button type="submit" class="primary" disabled={busy} data-testid="followup-save">
              {t('tr.saveFollowup')}
            </button>
            {editing && (
              <button type="button" class="secondary" onClick={() => reset(null)}>
                {t('common.cancel')}
              </button>
            )}
          </div>
        </Form>
      )}
    </section>
  );
}
