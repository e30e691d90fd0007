// One session: its facts, participants, files (attach with progress; images as thumbnails, PDFs
// as links), its status and return comment; the author edits and submits it, a supervisor who
// is not its author verifies it or returns it with a comment, and later corrects it (with a
// reason; the corrections -- who, when, why -- are listed to everyone who sees the session). A
// training links to its trainees and their scores.
import { useEffect, useState } from 'preact/hooks';
import { del, get, post, query, upload } from '../../api';
import { Crumbs, Facts, Ltr, useWrite } from '../../components/registry_bits';
import { ReturnNotice, ReviewSteps, type ReviewStep } from '../../components/return_form';
import { useI18n } from '../../i18n';
import { clearMessages, showError, showInfo } from '../../messages';
import { enumLabel, num, useConfig } from '../../registry_data';
import { href, navigate } from '../../router';
import type { Activity, Institution, StoredFile, User } from '../../types';
import {
  ActivityStatus,
  activityTypeLabel,
  topicLabel,
  when,
  ageBands,
  countedSexes,
  AgeSexHeads,
} from './common';
import { LoadingCard } from '../../components/loading_card';
import { loadRecord } from '../../offline/local';
import { answers, dropUnsent, enqueue, outcome } from '../../offline/outbox';

export function ActivityDetailPage({
  id,
  user,
  verifier,
}: {
  id: string;
  user: User;
  verifier: boolean;
}) {
  const { t } = useI18n();
  const config = useConfig();
  const [a, setA] = useState<Activity | null>(null);
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [reload, setReload] = useState(0);
  const w = useWrite();
  const { busy } = w;
  const [institutions, setInstitutions] = useState<Institution[]>([]);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    let live = true;
    const path = `/activities/${encodeURIComponent(id)}`;
    // From the server, or from this phone when the record waits to be sent or there is no
    // connection (then without its files, which only the server lists).
    loadRecord<Activity>('activities', id, path)
      .then(async (l) => {
        const f = l.local
          ? { items: [] as StoredFile[] }
          : await get<{ items: StoredFile[] }>(path + '/files');
        return [l, f] as const;
      })
      .then(([l, f]) => {
        if (!live) return;
        const x = l.record;
        setA(x);
        setPending(l.pending);
        setFiles(f.items);
        Promise.all(
          x.institution_ids.map((i) => get<Institution>(`/institutions/${encodeURIComponent(i)}`)),
        )
          .then((list) => live && setInstitutions(list))
          .catch(() => {});
      })
      .catch((e) => live && showError(e));
    return () => {
      live = false;
    };
  }, [id, reload]);

  if (!a) return <LoadingCard />;
  const author = a.author_id === user.id;
  const editable = (a.status === 'draft' || a.status === 'returned') && (author || verifier);
  const canVerify = verifier && !author && a.status === 'submitted';
  const canCorrect = verifier && !author && a.status === 'verified';
  const name = a.title || activityTypeLabel(config, a.type);
  const corrections = a.corrections ?? [];

  async function step(action: ReviewStep, done: string, comment: string) {
    if (!a) return;
    clearMessages();
    await w.run(async () => {
      const body: Record<string, unknown> = { version: a.version };
      if (action === 'return') body.comment = comment;
      // Submitting a session saved on this phone (or with no connection) waits in the outbox
      // behind the session's own writes, and is sent with the version their answers bring.
      if (action === 'submit' && (pending || !navigator.onLine)) {
        await submitLater(a);
        return;
      }
      const next = await post<Activity>(`/activities/${encodeURIComponent(a.id)}/${action}`, body);
      showInfo(done);
      if (action === 'submit') {
        setA(next);
      } else {
        navigate('verify');
      }
    });
  }

  async function submitLater(x: Activity) {
    const local = { ...x, status: 'submitted', submitted_at: new Date().toISOString() };
    await enqueue(
      {
        record: x.id,
        entity: 'activities',
        kind: 'update',
        method: 'POST',
        path: `/activities/${encodeURIComponent(x.id)}/submit`,
        body: { version: x.version },
        deps: [],
        label: t('act.labelSubmit', { name }),
        edit: `activities/${x.id}`,
        fresh_version: true,
      },
      { entity: 'activities', record: local as unknown as Record<string, unknown> },
    );
    const result = await outcome([x.id]);
    if (result === 'sent') {
      showInfo(t('act.submitted'));
      setPending(false);
      setA((answers.get(x.id) as Activity | undefined) ?? local);
    } else if (result === 'queued') {
      showInfo(t('off.queued'));
      setPending(true);
      setA(local);
    } else {
      showError(result.error?.message || t('off.refused'));
    }
  }

  async function remove() {
    if (!a) return;
    await w.run(async () => {
      // Made on this phone and never sent: dropped here, with what was queued after it.
      if (!(await dropUnsent('activities', a.id)))
        await del(`/activities/${encodeURIComponent(a.id)}`);
      showInfo(t('common.deleted'));
      navigate('activities');
    });
  }

  const facilitators = a.facilitators
    .map((f) => (f.user_id === user.id ? user.full_name : (f.name ?? '')))
    .filter(Boolean);
  const time = [a.start_time, a.end_time].filter(Boolean).join('–');
  return (
    <>
      <section
        class="card"
        aria-labelledby="act-detail-heading"
        data-testid="activity-detail"
        data-id={a.id}
        data-status={a.status}
      >
        <Crumbs
          items={[
            {
              href: href(canVerify ? 'verify' : 'activities'),
              label: canVerify ? t('act.queue') : t('act.title'),
            },
          ]}
          current={name}
        />
        {pending && (
          <p class="notice" data-testid="activity-pending">
            <a href={href('outbox')}>{t('off.pending')}</a>
          </p>
        )}
        <div class="section-head">
          <h1 id="act-detail-heading" data-testid="activity-name">
            <bdi>{name}</bdi>
          </h1>
          {editable && (
            <a
              class="button secondary"
              href={href('activities', a.id, 'edit')}
              data-testid="activity-edit"
            >
              {t('common.edit')}
            </a>
          )}
          {canCorrect && (
            <a
              class="button secondary"
              href={href('activities', a.id, 'edit')}
              data-testid="activity-correct"
            >
              {t('act.correct')}
            </a>
          )}
        </div>
        <p class="badges">
          <ActivityStatus status={a.status} />{' '}
          <span class="badge neutral">{activityTypeLabel(config, a.type)}</span>
        </p>
        {a.status === 'returned' && a.return_comment && (
          <ReturnNotice name="activity" comment={a.return_comment} />
        )}
        {a.type === 'training' && a.course_id && (
          <p>
            <a
              class="button secondary"
              href={href('trainings', a.id)}
              data-testid="activity-trainees"
            >
              {t('act.traineesLink')}
            </a>
          </p>
        )}
        <Facts
          rows={[
            [
              t('act.when'),
              <>
                <Ltr>{a.held_on}</Ltr>
                {time && (
                  <>
                    {' '}
                    · <Ltr>{time}</Ltr>
                  </>
                )}
              </>,
            ],
            [t('act.area'), <bdi>{a.area_name}</bdi>],
            [t('act.place'), a.place ? <bdi dir="auto">{a.place}</bdi> : ''],
            [
              t('act.institutionsInvolved'),
              institutions.length ? (
                <span data-testid="activity-institutions">
                  {institutions.map((i, n) => (
                    <>
                      {n > 0 && ', '}
                      <a key={i.id} href={href('institutions', i.id)}>
                        <bdi>{i.name}</bdi>
                      </a>
                    </>
                  ))}
                </span>
              ) : a.institution_ids.length ? (
                t('act.institutions', { n: a.institution_ids.length })
              ) : (
                ''
              ),
            ],
            [t('act.topics'), a.topics.map((x) => topicLabel(config, x)).join(t('common.listSep'))],
            [
              t('act.participants'),
              <span data-testid="activity-total">{num(a.counted_total)}</span>,
            ],
            [t('act.named'), a.named_total ? num(a.named_total) : ''],
            [
              t('act.facilitators'),
              facilitators.length ? <bdi>{facilitators.join(t('common.listSep'))}</bdi> : '',
            ],
            [
              t('act.decisions'),
              a.decisions ? (
                <bdi dir="auto" class="pre-line">
                  {a.decisions}
                </bdi>
              ) : (
                ''
              ),
            ],
            [
              t('act.followUp'),
              a.follow_up ? (
                <bdi dir="auto" class="pre-line">
                  {a.follow_up}
                </bdi>
              ) : (
                ''
              ),
            ],
            [
              t('act.notes'),
              a.notes ? (
                <bdi dir="auto" class="pre-line">
                  {a.notes}
                </bdi>
              ) : (
                ''
              ),
            ],
            [t('act.author'), a.author_name ? <bdi>{a.author_name}</bdi> : ''],
            [t('act.submittedAt'), a.submitted_at ? when(a.submitted_at) : ''],
            [t('act.verifiedAt'), a.verified_at ? when(a.verified_at) : ''],
            [t('act.verifiedBy'), a.verified_by_name ? <bdi>{a.verified_by_name}</bdi> : ''],
          ]}
        />
        {a.counts.length > 0 && <CountsTable a={a} />}
        {a.attendance.length > 0 && (
          <>
            <h2>{t('act.named')}</h2>
            <ul class="plain-list" data-testid="activity-named">
              {a.attendance.map((x) => (
                <li key={x.person_id}>
                  <bdi>{x.person_name ?? x.person_id}</bdi>{' '}
                  <span class="muted small">{enumLabel('sex', x.person_sex)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <ReviewSteps
          name="activity"
          class="actions separated"
          can={{ submit: editable && author, decide: canVerify }}
          busy={busy}
          onStep={step}
        >
          {author && a.status === 'draft' && files.length === 0 && (
            <button
              type="button"
              class="link"
              disabled={busy}
              data-testid="activity-delete"
              onClick={remove}
            >
              {t('act.delete')}
            </button>
          )}
        </ReviewSteps>
      </section>
      {corrections.length > 0 && (
        <section class="card" aria-labelledby="act-corr-heading" data-testid="activity-corrections">
          <h2 id="act-corr-heading">{t('act.corrections')}</h2>
          <ul class="timeline">
            {corrections.map((c, i) => (
              <li key={i} data-testid="activity-correction" data-by={c.by ?? ''}>
                <span class="muted small">
                  {c.by_name && (
                    <>
                      <bdi data-testid="activity-correction-by">{c.by_name}</bdi> ·{' '}
                    </>
                  )}
                  <Ltr>{when(c.at)}</Ltr>
                </span>
                <p class="pre-line" data-testid="activity-correction-reason">
                  <bdi dir="auto">{c.reason ?? ''}</bdi>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <FilesSection
        activity={a}
        files={files}
        canAttach={editable}
        onAdded={() => setReload((n) => n + 1)}
      />
    </>
  );
}

function CountsTable({ a }: { a: Activity }) {
  const { t } = useI18n();
  const n = (sex: string, band: string, dis: boolean) =>
    a.counts.find((c) => c.sex === sex && c.age_band === band && c.disability === dis)?.count ?? 0;
  const anyDisabled = a.counts.some((c) => c.disability && c.count > 0);
  const bands = ageBands().filter((b) =>
    countedSexes().some((s) => n(s, b, false) + n(s, b, true) > 0),
  );
  return (
    <div class="table-wrap">
      <table class="numbers count-summary" data-testid="activity-counts">
        <thead>
          <tr>
            <AgeSexHeads />
            {anyDisabled && <th scope="col">{t('act.withDisability')}</th>}
          </tr>
        </thead>
        <tbody>
          {bands.map((b) => (
            <tr key={b}>
              <th scope="row">
                <bdi dir="ltr">{enumLabel('age_band', b)}</bdi>
              </th>
              {countedSexes().map((s) => (
                <td key={s}>{num(n(s, b, false) + n(s, b, true))}</td>
              ))}
              {anyDisabled && <td>{num(countedSexes().reduce((x, s) => x + n(s, b, true), 0))}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FilesSection({
  activity,
  files,
  canAttach,
  onAdded,
}: {
  activity: Activity;
  files: StoredFile[];
  canAttach: boolean;
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);

  async function attach(file: File) {
    clearMessages();
    setProgress({ name: file.name, fraction: 0 });
    try {
      await upload<StoredFile>(
        `/activities/${encodeURIComponent(activity.id)}/files` + query({ filename: file.name }),
        file,
        file.type || 'application/octet-stream',
        (fraction) => setProgress({ name: file.name, fraction }),
      );
      showInfo(t('act.uploaded'));
      onAdded();
    } catch (e) {
      showError(e);
    } finally {
      setProgress(null);
    }
  }

  return (
    <section class="card" aria-labelledby="act-files-heading" data-testid="activity-files">
      <h2 id="act-files-heading">{t('act.files')}</h2>
      {files.length === 0 ? (
        <p class="muted" data-testid="activity-no-files">
          {t('act.noFiles')}
        </p>
      ) : (
        <ul class="thumbs">
          {files.map((f) => (
            <li key={f.id} data-testid="activity-file" data-mime={f.mime}>
              {f.mime.startsWith('image/') ? (
                <a href={f.url} target="_blank" rel="noopener">
                  <img src={f.url} alt={f.name} loading="lazy" data-testid="activity-thumb" />
                </a>
              ) : (
                <a
                  class="file-link"
                  href={f.url}
                  target="_blank"
                  rel="noopener"
                  data-testid="activity-file-link"
                >
                  <bdi dir="auto">{f.name}</bdi>
                </a>
              )}
              <span class="muted small">
                <bdi dir="auto">{f.name}</bdi>
              </span>
            </li>
          ))}
        </ul>
      )}
      {canAttach && (
        <div class="file-pick">
          <input
            id="act-file"
            type="file"
            accept="image/jpeg,image/png,application/pdf"
            data-testid="activity-file-input"
            disabled={!!progress}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) attach(file);
              input.value = '';
            }}
          />
          <label for="act-file" class="button secondary">
            {t('act.attach')}
          </label>
          <span class="hint">{t('act.filesHint')}</span>
        </div>
      )}
      {progress && (
        <div class="progress" data-testid="activity-upload-progress">
          <span>{t('act.uploading', { name: progress.name })}</span>
          <progress max={1} value={progress.fraction} />
        </div>
      )}
    </section>
  );
}
