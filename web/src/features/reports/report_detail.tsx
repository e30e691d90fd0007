// One progress report: each section's table (this period, cumulative, target, % achieved with
// its traffic light, previous period), the disaggregations and sub-areas under each indicator
// (folded on a phone), the narrative and success stories (editable while draft or returned),
// the workflow (submit; approve, or return with a comment, by a supervisor of the level above)
// with its history, and the exports. An approved report shows the numbers as approved and marks
// those that have changed since.
import { useState } from 'preact/hooks';
import { ApiError, download, patch, post, query } from '../../api';
import { Field, TextAreaField } from '../../components/form_fields';
import { Check, Form, SaveRow } from '../../components/form';
import { Crumbs, Ltr } from '../../components/registry_bits';
import { ReturnNotice, ReviewSteps, type ReviewStep } from '../../components/return_form';
import { hasKey, t as translate, useI18n, type MessageKey } from '../../i18n';
import { clearMessages, showError, showInfo } from '../../messages';
import { href } from '../../router';
import type { User } from '../../types';
import { when } from '../fieldwork/common';
import {
  Achieved,
  dimLabel,
  fmt,
  headline,
  indicatorName,
  periodLabel,
  ReportStatus,
  sectionLabel,
  templateLabel,
  useLibrary,
  type Frozen,
  type IndicatorDef,
  type Report,
  type ReportIndicator,
  type ReportRights,
  type Story,
} from './common';
import { drillHref } from './dashboard';
import { useFetch } from '../../use_fetch';
import { LoadingCard } from '../../components/loading_card';
import { fieldMessages } from '../../i18n/field_message';
import { useFieldErrors } from '../../components/field_focus';

const NARRATIVE = [
  'achievements',
  'challenges',
  'lessons',
  'recommendations',
  'next_plan',
] as const;
type NarrativeKey = (typeof NARRATIVE)[number];

const EXPORTS: { format: string; key: MessageKey; ext: string }[] = [
  { format: 'csv', key: 'rep.export.csv', ext: 'csv' },
  { format: 'xlsx', key: 'rep.export.xlsx', ext: 'xlsx' },
  { format: 'pdf', key: 'rep.export.pdf', ext: 'pdf' },
  { format: 'dhis2', key: 'rep.export.dhis2', ext: 'json' },
  { format: 'adx', key: 'rep.export.adx', ext: 'xml' },
];

interface Draft {
  texts: Record<NarrativeKey, string>;
  include_unverified: boolean;
  stories: { title: string; body: string; files: string }[];
}

function draftOf(r: Report): Draft {
  const texts = {} as Record<NarrativeKey, string>;
  for (const k of NARRATIVE) texts[k] = r[k] ?? '';
  return {
    texts,
    include_unverified: r.include_unverified,
    stories: r.stories.map((s) => ({ title: s.title, body: s.body, files: s.file_ids.join(', ') })),
  };
}

const desktop = () => window.matchMedia('(min-width: 760px)').matches;

export function ReportDetailPage({
  id,
  rights,
  user,
}: {
  id: string;
  rights: ReportRights;
  user: User;
}) {
  const { t, lang } = useI18n();
  const lib = useLibrary();
  const [r, setR] = useState<Report | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [fields, setFields] = useFieldErrors();
  const [busy, setBusy] = useState(false);

  // Writes answer the report as it now is, in the reader's language (?lang=): no second read.
  useFetch<Report>(`/reports/${encodeURIComponent(id)}` + query({ lang }), {
    onData: (x) => {
      setR(x);
      setDraft(draftOf(x));
    },
  });

  if (!r || !draft) return <LoadingCard />;
  const editable = rights.write && (r.status === 'draft' || r.status === 'returned');
  // The report carries its history by name only: one who created or submitted it is its author,
  // whom the server does not let approve it.
  const author = r.events.some(
    (e) => (e.action === 'created' || e.action === 'submitted') && e.by_name === user.full_name,
  );
  const canDecide = rights.approve && r.status === 'submitted' && !author;
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(r));
  const title = `${templateLabel(r.template_code, r.template_name)} · ${periodLabel(r.period)}`;

  const loaded = (x: Report) => {
    setR(x);
    setDraft(draftOf(x));
  };

  // Saves the narrative and stories; answers the report as saved (or the current one).
  async function save(quiet = false): Promise<Report | null> {
    if (!r || !draft) return null;
    if (!dirty) return r;
    clearMessages();
    setFields({});
    const body: Record<string, unknown> = {
      version: r.version,
      include_unverified: draft.include_unverified,
    };
    for (const k of NARRATIVE) body[k] = draft.texts[k].trim();
    body.stories = draft.stories.map((s): Story => ({
      title: s.title.trim(),
      body: s.body.trim(),
      file_ids: s.files
        .split(/[\s,]+/)
        .map((x) => x.trim())
        .filter(Boolean),
    }));
    try {
      const next = await patch<Report>(
        `/reports/${encodeURIComponent(r.id)}` + query({ lang }),
        body,
      );
      loaded(next);
      if (!quiet) showInfo(t('common.saved'));
      return next;
    } catch (e) {
      if (e instanceof ApiError) setFields(fieldMessages(e));
      showError(e);
      return null;
    }
  }

  async function step(action: ReviewStep, done: string, comment: string) {
    if (!r) return false;
    setBusy(true);
    try {
      const current = action === 'submit' ? await save(true) : r;
      if (!current) return false;
      clearMessages();
      const body: Record<string, unknown> = { version: current.version };
      if (action === 'return') body.comment = comment;
      const next = await post<Report>(
        `/reports/${encodeURIComponent(current.id)}/${action}` + query({ lang }),
        body,
      );
      loaded(next);
      showInfo(done);
      window.scrollTo(0, 0);
      return true;
    } catch (e) {
      if (e instanceof ApiError) setFields(fieldMessages(e));
      showError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const setText = (k: NarrativeKey, v: string) =>
    setDraft({ ...draft, texts: { ...draft.texts, [k]: v } });
  const setStory = (i: number, p: Partial<Draft['stories'][number]>) =>
    setDraft({ ...draft, stories: draft.stories.map((s, n) => (n === i ? { ...s, ...p } : s)) });

  return (
    <>
      <section
        class="card"
        aria-labelledby="report-heading"
        data-testid="report"
        data-id={r.id}
        data-status={r.status}
        data-version={r.version}
      >
        <Crumbs items={[{ href: href('reports'), label: t('rep.title') }]} current={title} />
        <h1 id="report-heading">{title}</h1>
        <p class="badges">
          <ReportStatus status={r.status} />
        </p>
        <dl class="facts">
          <dt>{t('rep.area')}</dt>
          <dd data-testid="report-area-name">
            <bdi>{r.area_name}</bdi>
          </dd>
          <dt>{t('rep.period')}</dt>
          <dd>
            <Ltr>
              {r.period_start} – {r.period_end}
            </Ltr>
          </dd>
          <dt>{t('rep.counting')}</dt>
          <dd>{r.include_unverified ? t('rep.withUnverified') : t('rep.verifiedOnly')}</dd>
        </dl>
        {r.status === 'returned' && r.return_comment && (
          <ReturnNotice name="report" comment={r.return_comment} />
        )}
        {r.status === 'approved' && (
          <p class="notice ok" data-testid="report-approved-note">
            {t('rep.approvedNote')}
          </p>
        )}
      </section>

      {r.sections.map((s, i) => (
        <SectionCard
          key={i}
          index={i}
          report={r}
          title={s.title}
          indicators={s.indicators}
          lib={lib}
        />
      ))}

      <section
        class="card"
        aria-labelledby="report-narrative-heading"
        data-testid="report-narrative"
      >
        <h2 id="report-narrative-heading">{t('rep.narrative')}</h2>
        {editable ? (
          <Form onSubmit={save} data-testid="report-narrative-form">
            {NARRATIVE.map((k) => (
              <TextAreaField
                key={k}
                label={t(('rep.n.' + k) as MessageKey)}
                value={draft.texts[k]}
                onInput={(v) => setText(k, v)}
                error={fields[k]}
                testid={'report-' + k}
              />
            ))}
            <Check
              label={t('rep.includeUnverified')}
              checked={draft.include_unverified}
              testid="report-unverified"
              onChange={(on) =>
                setDraft({
                  ...draft,
                  include_unverified: on,
                })
              }
            />
            <h3>{t('rep.stories')}</h3>
            {draft.stories.length === 0 && <p class="muted">{t('rep.noStories')}</p>}
            {draft.stories.map((s, i) => (
              <fieldset key={i} class="story-edit" data-testid="report-story-edit">
                <legend>{t('rep.storyN', { n: i + 1 })}</legend>
                <Field
                  label={t('rep.storyTitle')}
                  value={s.title}
                  onInput={(v) => setStory(i, { title: v })}
                  dir="auto"
                  error={fields[`stories[${i}].title`]}
                  testid={`story-${i}-title`}
                />
                <TextAreaField
                  label={t('rep.storyBody')}
                  value={s.body}
                  onInput={(v) => setStory(i, { body: v })}
                  error={fields[`stories[${i}].body`]}
                  testid={`story-${i}-body`}
                />
                <Field
                  label={`${t('rep.storyFiles')} ${t('common.optional')}`}
                  value={s.files}
                  onInput={(v) => setStory(i, { files: v })}
                  dir="ltr"
                  error={fields[`stories[${i}].file_ids`]}
                  testid={`story-${i}-files`}
                  hint={t('rep.storyFilesHint')}
                />
                <button
                  type="button"
                  class="link"
                  data-testid={`story-${i}-remove`}
                  onClick={() =>
                    setDraft({ ...draft, stories: draft.stories.filter((_, n) => n !== i) })
                  }
                >
                  {t('rep.removeStory')}
                </button>
              </fieldset>
            ))}
            {fields.stories && <p class="field-error">{fields.stories}</p>}
            <button
              type="button"
              class="secondary"
              data-testid="report-add-story"
              onClick={() =>
                setDraft({
                  ...draft,
                  stories: [...draft.stories, { title: '', body: '', files: '' }],
                })
              }
            >
              {t('rep.addStory')}
            </button>
            <SaveRow name="report" label={t('common.save')} busy={busy} dirty={dirty} />
          </Form>
        ) : (
          <>
            <dl class="narrative">
              {NARRATIVE.map((k) => (
                <div key={k}>
                  <dt>{t(('rep.n.' + k) as MessageKey)}</dt>
                  <dd class="pre-line" data-testid={'report-' + k}>
                    {r[k] ? <bdi dir="auto">{r[k]}</bdi> : <span class="muted">–</span>}
                  </dd>
                </div>
              ))}
            </dl>
            <h3>{t('rep.stories')}</h3>
            {r.stories.length === 0 ? (
              <p class="muted">{t('rep.noStories')}</p>
            ) : (
              <ul class="plain-list" data-testid="report-stories">
                {r.stories.map((s, i) => (
                  <li key={i} data-testid="report-story">
                    <strong>
                      <bdi dir="auto">{s.title}</bdi>
                    </strong>
                    <p class="pre-line">
                      <bdi dir="auto">{s.body}</bdi>
                    </p>
                    {s.file_ids.length > 0 && (
                      <p class="thumbs-inline">
                        {s.file_ids.map((f) => (
                          <a
                            key={f}
                            href={`/api/v1/files/${encodeURIComponent(f)}`}
                            target="_blank"
                            rel="noopener"
                          >
                            <img
                              src={`/api/v1/files/${encodeURIComponent(f)}`}
                              alt=""
                              loading="lazy"
                            />
                          </a>
                        ))}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      <section class="card" aria-labelledby="report-workflow-heading" data-testid="report-workflow">
        <h2 id="report-workflow-heading">{t('rep.workflow')}</h2>
        <ReviewSteps
          name="report"
          can={{ submit: editable, decide: canDecide }}
          busy={busy}
          error={fields.comment}
          onStep={step}
        />
        <h3>{t('rep.history')}</h3>
        <ul class="timeline" data-testid="report-events">
          {r.events.map((e, i) => (
            <li key={i} data-testid="report-event" data-action={e.action}>
              <strong>{eventLabel(e.action)}</strong>
              <span class="muted small">
                {' '}
                · {when(e.at)}
                {e.by_name && (
                  <>
                    {' '}
                    · <bdi>{e.by_name}</bdi>
                  </>
                )}
              </span>
              {e.note && (
                <p class="pre-line">
                  <bdi dir="auto">{e.note}</bdi>
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <ExportCard report={r} />
    </>
  );
}

// The history's actions (created, edited, submitted, approved, returned) in the reader's language.
function eventLabel(action: string): string {
  const key = 'rep.event.' + action;
  return hasKey(key) ? translate(key) : action;
}

function SectionCard({
  index,
  report,
  title,
  indicators,
  lib,
}: {
  index: number;
  report: Report;
  title: string;
  indicators: ReportIndicator[];
  lib: IndicatorDef[] | null;
}) {
  const { t } = useI18n();
  const approved = report.status === 'approved';
  const headingId = `report-section-${index}`;
  const breakdowns = indicators.filter((x) => x.rows.length > 0 || subAreas(x, report).length > 0);
  return (
    <section class="card" aria-labelledby={headingId} data-testid="report-section">
      <h2 id={headingId}>{sectionLabel(title)}</h2>
      <div class="table-wrap">
        <table class="stack numbers report-table">
          <thead>
            <tr>
              <th scope="col">{t('rep.indicator')}</th>
              <th scope="col">{t('rep.thisPeriod')}</th>
              <th scope="col">{t('rep.cumulative')}</th>
              <th scope="col">{t('rep.target')}</th>
              <th scope="col">{t('rep.achieved')}</th>
              <th scope="col">{t('rep.previous')}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((x) => {
              const name = indicatorName(lib, x.code, x.name);
              const shown = asApproved(x.total, approved);
              const drill = (column: 'period' | 'cumulative') =>
                drillHref(x.code, report.area_id, report.period, column);
              return (
                <tr
                  key={x.code}
                  data-testid="report-indicator"
                  data-code={x.code}
                  data-changed={x.total.changed ? 'true' : 'false'}
                >
                  <td class="stack-title">
                    <bdi>{name}</bdi>
                    {approved && x.total.changed && (
                      <div class="changed" data-testid="report-changed">
                        {t('rep.changedSince', { value: fmt(headline(x.stock, x.total), x.unit) })}
                      </div>
                    )}
                  </td>
                  <td data-label={t('rep.thisPeriod')} data-testid="cell-period">
                    {shown.period === null ? (
                      '–'
                    ) : (
                      <a href={drill('period')}>{fmt(shown.period, x.unit)}</a>
                    )}
                  </td>
                  <td data-label={t('rep.cumulative')} data-testid="cell-cumulative">
                    {shown.cumulative === null ? (
                      '–'
                    ) : (
                      <a href={drill('cumulative')}>{fmt(shown.cumulative, x.unit)}</a>
                    )}
                  </td>
                  <td data-label={t('rep.target')} data-testid="cell-target">
                    {fmt(shown.target, x.unit)}
                  </td>
                  <td data-label={t('rep.achieved')}>
                    <Achieved value={shown.achieved} light={shown.light} testid="cell-achieved" />
                  </td>
                  <td data-label={t('rep.previous')} data-testid="cell-previous">
                    {fmt(x.total.previous, x.unit)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {breakdowns.map((x) => (
        <Breakdown
          key={x.code}
          x={x}
          areas={subAreas(x, report)}
          name={indicatorName(lib, x.code, x.name)}
          frozen={approved}
        />
      ))}
    </section>
  );
}

// The sub-areas' values; records kept at the report's area itself come as a row of its own
// (named "recorded at <area> itself" by the server, without a target), shown only beside real
// sub-areas.
function subAreas(x: ReportIndicator, report: Report): ReportIndicator['children'] {
  if (x.children.every((c) => c.area_id === report.area_id)) return [];
  return x.children;
}

// A row (total, disaggregation or sub-area) as approved when its report is, with the % achieved
// and light its approved figures give (a row that appeared since shows no numbers).
function asApproved<
  T extends {
    period: number | null;
    cumulative: number | null;
    target: number | null;
    achieved: number | null;
    light: string;
  } & Partial<Frozen>,
>(row: T, frozen: boolean) {
  if (!frozen) return row;
  const a = row.approved;
  return a
    ? { ...row, ...a }
    : { ...row, period: null, cumulative: null, target: null, achieved: null, light: '' };
}

// The disaggregation table and the sub-areas of one indicator, folded on a phone.
function Breakdown({
  x,
  name,
  areas,
  frozen,
}: {
  x: ReportIndicator;
  name: string;
  areas: ReportIndicator['children'];
  frozen: boolean;
}) {
  const { t } = useI18n();
  const by = x.by.map(dimLabel).join(' × ');
  return (
    <details class="breakdown" open={desktop()} data-testid="report-breakdown" data-code={x.code}>
      <summary>
        <bdi>{name}</bdi>
        {by && <span class="muted"> · {t('rep.byDims', { dims: by })}</span>}
      </summary>
      {x.rows.length > 0 && (
        <BreakdownTable
          x={x}
          head={by}
          frozen={frozen}
          testid="report-disaggregation"
          rows={x.rows.map((row) => ({
            key: row.keys.join('|'),
            attrs: { 'data-keys': row.keys.join('|') },
            label: row.labels.join(' · '),
            row,
          }))}
        />
      )}
      {areas.length > 0 && (
        <BreakdownTable
          x={x}
          head={t('rep.subArea')}
          frozen={frozen}
          testid="report-children"
          rows={areas.map((c) => ({
            key: c.area_id,
            attrs: { 'data-area-id': c.area_id },
            label: c.name,
            row: c,
          }))}
        />
      )}
    </details>
  );
}

type BreakdownLine = ReportIndicator['children'][number];

// One breakdown's table: a row per value (a disaggregation or a sub-area), as approved when the
// report is, with what the records say now beside a changed one.
function BreakdownTable({
  x,
  head,
  frozen,
  testid,
  rows,
}: {
  x: ReportIndicator;
  head: string;
  frozen: boolean;
  testid: string;
  rows: {
    key: string;
    attrs: Record<string, string>;
    label: string;
    row: Omit<BreakdownLine, 'area_id' | 'name'>;
  }[];
}) {
  const { t } = useI18n();
  return (
    <div class="table-wrap">
      <table class="numbers compact" data-testid={testid}>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">{t('rep.thisPeriod')}</th>
            <th scope="col">{t('rep.cumulative')}</th>
            <th scope="col">{t('rep.target')}</th>
            <th scope="col">{t('rep.achieved')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, attrs, label, row }) => {
            const shown = asApproved(row, frozen);
            return (
              <tr key={key} {...attrs} data-changed={row.changed ? 'true' : 'false'}>
                <th scope="row">
                  <bdi>{label}</bdi>
                  {frozen && row.changed && (
                    <div class="changed">
                      {t('rep.changedSince', { value: fmt(headline(x.stock, row), x.unit) })}
                    </div>
                  )}
                </th>
                <td>{fmt(shown.period, x.unit)}</td>
                <td>{fmt(shown.cumulative, x.unit)}</td>
                <td>{fmt(shown.target, x.unit)}</td>
                <td>
                  <Achieved value={shown.achieved} light={shown.light} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// Exports: the server builds the file (it may take a moment), the browser saves it.
function ExportCard({ report }: { report: Report }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);

  async function run(format: string, ext: string) {
    clearMessages();
    setBusy(format);
    try {
      const fallback = `${report.template_code}-${report.period}.${ext}`;
      const { blob, filename } = await download(
        `/reports/${encodeURIComponent(report.id)}/export` + query({ format, lang }),
        fallback,
      );
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      showInfo(t('rep.exported', { name: filename }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section class="card" aria-labelledby="report-export-heading" data-testid="report-export">
      <h2 id="report-export-heading">{t('rep.export')}</h2>
      <p class="muted small">{t('rep.exportHelp')}</p>
      <div class="actions">
        {EXPORTS.map((x) => (
          <button
            key={x.format}
            type="button"
            class="secondary"
            disabled={busy !== null}
            data-testid={'report-export-' + x.format}
            onClick={() => run(x.format, x.ext)}
          >
            {t(x.key)}
          </button>
        ))}
      </div>
      {busy && (
        <p class="progress" role="status" data-testid="report-export-progress">
          <span class="spinner" aria-hidden="true" />{' '}
          {t('rep.preparing', {
            format: t(EXPORTS.find((x) => x.format === busy)?.key ?? 'rep.export'),
          })}
        </p>
      )}
    </section>
  );
}
