// Shapes of the indicator, target and report answers (docs/api.md "Indicators and reports"), and
// the pieces their screens share: the tab row, value and period formats, the traffic light, a
// period picker, the indicator library (read once) and the names of indicators in the reader's
// language.
import { useId } from 'preact/hooks';
import { get } from '../../api';
import { hasKey, langStore, t, useI18n, type MessageKey } from '../../i18n';
import { num, sharedResource } from '../../registry_data';
import { href } from '../../router';
import { useCan } from '../../session';
import type { Permission, User } from '../../types';
import { formatDate, formatNumber } from '../../i18n/format';

export type Unit = 'count' | 'percent' | 'ratio' | 'average' | 'amount';

export interface IndicatorFilter {
  field: string;
  values: string[];
}

export interface IndicatorDef {
  code: string;
  name: string;
  names: Record<string, string>;
  description: string | null;
  record: string | null;
  measure: string;
  field: string | null;
  numerator: string | null;
  denominator: string | null;
  scale: number;
  filters: IndicatorFilter[];
  dims: string[];
  builtin: boolean;
  unit: Unit;
  version: number;
}

export interface RecordKind {
  code: string;
  stock: boolean;
  measures: string[];
  sum_fields: string[];
  average_fields: string[];
  filters: { name: string; boolean: boolean }[];
  dims: string[];
}

export interface Cells {
  period: number | null;
  cumulative: number | null;
  previous: number | null;
  target: number | null;
  achieved: number | null;
  light: string;
}

export interface ValueRow extends Cells {
  keys: string[];
  labels: string[];
}

export interface PeriodSpan {
  text: string;
  start: string;
  end: string;
}

export interface IndicatorValues {
  indicator: { code: string; name: string; unit: Unit };
  stock: boolean;
  area: { id: string; name: string };
  period: PeriodSpan;
  previous: PeriodSpan | null;
  by: string[];
  total: Cells;
  rows: ValueRow[];
}

export interface RecordRef {
  record: string;
  id: string;
  label: string;
  date: string;
  area_path: string;
}

export interface Target {
  id: string;
  indicator_code: string;
  area_id: string;
  area_name: string;
  period: string;
  disaggregation: string;
  value: number;
  version: number;
}

export interface ReportTemplate {
  code: string;
  name: string;
  names: Record<string, string>; // the name by language
  period_kind: PeriodKind;
  builtin: boolean; // shipped: cannot be deleted
  items: { position: number; section: string; indicator_code: string; by: string[] }[];
  sections: { title: string; names: Record<string, string> }[]; // section titles by language
}

export interface ReportSummary {
  id: string;
  template_code: string;
  area_id: string;
  area_name: string;
  period: string;
  status: string;
  version: number;
  updated_at: string;
}

export interface Story {
  title: string;
  body: string;
  file_ids: string[];
}

// The numbers a row had when its report was approved (null: the row appeared since) and whether
// the records have changed them since; only on approved reports.
export interface Frozen {
  approved: {
    period: number | null;
    cumulative: number | null;
    target: number | null;
    achieved: number | null;
    light: string;
  } | null;
  changed: boolean;
}

export interface ReportIndicator {
  code: string;
  name: string;
  unit: Unit;
  stock: boolean;
  by: string[];
  total: Cells & Frozen;
  rows: (ValueRow & Partial<Frozen>)[];
  children: ({
    area_id: string;
    name: string;
    period: number | null;
    cumulative: number | null;
    target: number | null;
    achieved: number | null;
    light: string;
  } & Partial<Frozen>)[];
}

export interface Report {
  id: string;
  template_code: string;
  template_name: string;
  area_id: string;
  area_name: string;
  period: string;
  period_start: string;
  period_end: string;
  status: string;
  include_unverified: boolean;
  achievements: string | null;
  challenges: string | null;
  lessons: string | null;
  recommendations: string | null;
  next_plan: string | null;
  return_comment: string | null;
  version: number;
  stories: Story[];
  events: { at: string; action: string; by_name: string | null; note: string | null }[];
  sections: { title: string; indicators: ReportIndicator[] }[];
}

// ---- Who may do what (the server decides; these only choose what to offer) ----

export interface ReportRights {
  // Writes and submits progress reports.
  write: boolean;
  // Approves or returns reports of the level below.
  approve: boolean;
  // Sets targets.
  targets: boolean;
  // Defines indicators.
  define: boolean;
}

export function reportRightsOf(can: (p: Permission) => boolean): ReportRights {
  return {
    write: can('report.write'),
    approve: can('report.approve'),
    targets: can('target.write'),
    define: can('indicator.write'),
  };
}

// ---- Tabs of the reports section ----

const TABS: { path: string[]; key: MessageKey; id: ReportsTab }[] = [
  { path: ['reports'], key: 'rep.tabReports', id: 'reports' },
  { path: ['targets'], key: 'rep.tabTargets', id: 'targets' },
  { path: ['indicators'], key: 'rep.tabIndicators', id: 'indicators' },
  { path: ['setup'], key: 'rep.tabSetup', id: 'setup' },
];

export type ReportsTab = 'reports' | 'targets' | 'indicators' | 'setup';

// The set-up tab (programme settings, report templates, DHIS2 mapping) is offered to
// administrators and M&E officers; others can still read those pages by their address.
export function ReportsTabs({ current }: { current: ReportsTab }) {
  const { t } = useI18n();
  const setup = useCan()('indicator.write');
  return (
    <nav class="subnav" aria-label={t('nav.reports')}>
      <ul>
        {TABS.filter((x) => x.id !== 'setup' || setup || current === 'setup').map((x) => (
          <li key={x.id}>
            <a
              href={href(...x.path)}
              aria-current={x.id === current ? 'page' : undefined}
              data-testid={'rep-tab-' + x.id}
            >
              {t(x.key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// ---- Numbers ----

// A value in its unit: counts and amounts whole, percentages with one decimal and the sign of the
// reader's language, averages and ratios with two decimals. None: a dash.
export function fmt(v: number | null | undefined, unit: Unit): string {
  if (v === null || v === undefined) return '–';
  switch (unit) {
    case 'percent':
      return percent(v);
    case 'ratio':
    case 'average':
      return num(v, 2);
    default:
      return num(v, unit === 'amount' ? 0 : 1);
  }
}

// 85.3 -> "85.3%" ("٪۸۵٫۳" in Pashto).
export function percent(v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  return formatNumber(v / 100, { style: 'percent', maximumFractionDigits: 1 });
}

// The headline figure: what exists at the end of the period for a stock, what happened in it
// for a flow.
export const headline = (
  stock: boolean,
  c: { period: number | null; cumulative: number | null },
) => (stock ? c.cumulative : c.period);

export function lightLabel(light: string): string {
  const key = 'rep.light.' + (light || 'none');
  return hasKey(key) ? t(key) : light;
}

// % achieved with its traffic-light dot; the colour is also said in words (title and for screen
// readers).
export function Achieved({
  value,
  light,
  testid,
}: {
  value: number | null;
  light: string;
  testid?: string;
}) {
  if (value === null)
    return (
      <span class="muted" data-testid={testid} data-light="">
        –
      </span>
    );
  return (
    <span class="achieved" data-testid={testid} data-light={light} title={lightLabel(light)}>
      <span class={'light light-' + (light || 'none')} aria-hidden="true" />
      <bdi>{percent(value)}</bdi>
      <span class="sr-only"> ({lightLabel(light)})</span>
    </span>
  );
}

// ---- Periods ----

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'ptd';
export const PERIOD_KINDS: PeriodKind[] = ['month', 'quarter', 'half', 'year', 'ptd'];

export function currentMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function kindOf(text: string): PeriodKind {
  if (/^\d{4}-\d{2}$/.test(text)) return 'month';
  if (/^\d{4}Q\d$/.test(text)) return 'quarter';
  if (/^\d{4}S\d$/.test(text)) return 'half';
  if (/^\d{4}$/.test(text)) return 'year';
  return 'ptd';
}

// A period as people read it: "October 2026", "2026 Q3", "2026 H2", "2026", "Project to date".
export function periodLabel(text: string): string {
  const year = text.slice(0, 4);
  switch (kindOf(text)) {
    case 'month':
      return monthYear(Number(year), Number(text.slice(5, 7)));
    case 'quarter':
      return t('rep.period.quarterOf', { n: num(Number(text.slice(5))), year: yearText(year) });
    case 'half':
      return t('rep.period.halfOf', { n: num(Number(text.slice(5))), year: yearText(year) });
    case 'year':
      return t('rep.period.yearOf', { year: yearText(year) });
    default:
      return text === 'ptd' ? t('rep.period.ptd') : text;
  }
}

export const yearText = (y: string) => formatNumber(Number(y), { useGrouping: false });

// Month names: the browser's own, except in Pashto, which browsers often lack (they answer in
// English), so this build names the months itself.
export function monthName(m: number, form: 'long' | 'short' = 'long'): string {
  const lang = langStore.get();
  if (lang === 'ps') return t(('rep.month.' + m) as MessageKey);
  return formatDate(new Date(2026, m - 1, 15), { month: form }, lang);
}

export function monthYear(y: number, m: number): string {
  const lang = langStore.get();
  if (lang === 'ps') return `${t(('rep.month.' + m) as MessageKey)} ${yearText(String(y))}`;
  return formatDate(new Date(y, m - 1, 15), { month: 'long', year: 'numeric' }, lang);
}

interface PeriodPickerProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  kinds?: PeriodKind[];
  error?: string;
  testid: string;
  // Offers "any period" (filters).
  any?: boolean;
}

// A period in three selects: its kind, the year, and the month, quarter or half. The value is
// the API's text ("2026-10", "2026Q3", "2026S2", "2026", "ptd"; "" for any).
export function PeriodPicker(p: PeriodPickerProps) {
  const { t } = useI18n();
  const id = useId();
  const kinds = p.kinds ?? PERIOD_KINDS;
  const now = new Date();
  const thisYear = now.getFullYear();
  const kind: PeriodKind | '' = p.value === '' ? '' : kindOf(p.value);
  const year = /^\d{4}/.test(p.value) ? Number(p.value.slice(0, 4)) : thisYear;
  const part =
    kind === 'month'
      ? Number(p.value.slice(5, 7))
      : kind === 'quarter' || kind === 'half'
        ? Number(p.value.slice(5))
        : 1;
  const years: number[] = [];
  for (let y = thisYear + 1; y >= thisYear - 5; y--) years.push(y);
  if (!years.includes(year)) years.push(year);

  const make = (k: PeriodKind | '', y: number, n: number): string => {
    switch (k) {
      case 'month':
        return `${y}-${String(Math.min(Math.max(n, 1), 12)).padStart(2, '0')}`;
      case 'quarter':
        return `${y}Q${Math.min(Math.max(n, 1), 4)}`;
      case 'half':
        return `${y}S${Math.min(Math.max(n, 1), 2)}`;
      case 'year':
        return String(y);
      case 'ptd':
        return 'ptd';
      default:
        return '';
    }
  };
  // Moving to another kind keeps the date: October -> Q4 -> H2.
  const partFor = (k: PeriodKind | '') => {
    const month =
      kind === 'month'
        ? part
        : kind === 'quarter'
          ? part * 3
          : kind === 'half'
            ? part * 6
            : now.getMonth() + 1;
    return k === 'month'
      ? month
      : k === 'quarter'
        ? Math.ceil(month / 3)
        : k === 'half'
          ? Math.ceil(month / 6)
          : 1;
  };
  const parts: { value: number; label: string }[] =
    kind === 'month'
      ? Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: monthName(i + 1) }))
      : kind === 'quarter'
        ? [1, 2, 3, 4].map((q) => ({ value: q, label: t('rep.period.quarter', { n: num(q) }) }))
        : kind === 'half'
          ? [1, 2].map((h) => ({ value: h, label: t('rep.period.half', { n: num(h) }) }))
          : [];

  return (
    <fieldset
      class={p.error ? 'period-picker field-invalid' : 'period-picker'}
      data-testid={p.testid}
      data-value={p.value}
    >
      <legend>{p.label}</legend>
      <div class="period-row">
        {(kinds.length > 1 || p.any) && (
          <select
            aria-label={t('rep.period.kind')}
            value={kind}
            data-testid={p.testid + '-kind'}
            onChange={(e) => {
              const k = (e.currentTarget as HTMLSelectElement).value as PeriodKind | '';
              p.onChange(make(k, year, partFor(k)));
            }}
          >
            {p.any && <option value="">{t('rep.period.any')}</option>}
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(('rep.period.kind.' + k) as MessageKey)}
              </option>
            ))}
          </select>
        )}
        {kind !== '' && kind !== 'ptd' && (
          <select
            aria-label={t('rep.period.year')}
            value={String(year)}
            data-testid={p.testid + '-year'}
            onChange={(e) =>
              p.onChange(make(kind, Number((e.currentTarget as HTMLSelectElement).value), part))
            }
          >
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {yearText(String(y))}
              </option>
            ))}
          </select>
        )}
        {parts.length > 0 && (
          <select
            aria-label={t(('rep.period.part.' + kind) as MessageKey)}
            value={String(part)}
            data-testid={p.testid + '-part'}
            onChange={(e) =>
              p.onChange(make(kind, year, Number((e.currentTarget as HTMLSelectElement).value)))
            }
          >
            {parts.map((x) => (
              <option key={x.value} value={String(x.value)}>
                {x.label}
              </option>
            ))}
          </select>
        )}
      </div>
      {p.error && (
        <div id={id + '-err'} class="field-error" data-testid={p.testid + '-error'}>
          {p.error}
        </div>
      )}
    </fieldset>
  );
}

// ---- The indicator library, read once and shared ----

const library = sharedResource(() =>
  get<{ items: IndicatorDef[] }>('/indicators').then((r) => r.items),
);
export const loadLibrary = library.load;
export const useLibrary = (): IndicatorDef[] | null => library.use();

// The indicator's name in the reader's language when the library has one, else its own name.
export function indicatorName(lib: IndicatorDef[] | null, code: string, fallback?: string): string {
  const d = lib?.find((x) => x.code === code);
  const lang = langStore.get();
  return d?.names?.[lang] || d?.name || fallback || code;
}

// The library as choices of a search picker: by name in the reader's language, also found by
// its English name and code.
export function indicatorOptions(
  lib: IndicatorDef[] | null,
  codes?: string[],
): { value: string; label: string; meta: string; keywords: string }[] {
  return (lib ?? [])
    .filter((d) => !codes || codes.includes(d.code))
    .map((d) => ({
      value: d.code,
      label: indicatorName(lib, d.code),
      meta: d.code,
      keywords: [d.name, ...Object.values(d.names ?? {})].join(' '),
    }));
}

// A section title in the reader's language: the template's translation, else as written.
// (Reports read with ?lang= come with their titles translated already.)
export function sectionLabel(title: string, tpl?: Pick<ReportTemplate, 'sections'>): string {
  return tpl?.sections?.find((s) => s.title === title)?.names[langStore.get()] || title;
}

// A template's name in the reader's language: its translation, else its name; the shipped ones
// (MPR, QPR, BAR, APR) are also named here for when the templates are not loaded yet.
export function templateLabel(code: string, name?: string, names?: Record<string, string>): string {
  const key = 'rep.tpl.' + code;
  return names?.[langStore.get()] || name || (hasKey(key) ? t(key) : code);
}

// A dimension's name ("sex" -> "Sex").
export function dimLabel(dim: string): string {
  const key = 'rep.dim.' + dim;
  return hasKey(key) ? t(key) : dim;
}

export function statusLabel(status: string): string {
  const key = 'rep.status.' + status;
  return hasKey(key) ? t(key) : status;
}

const STATUS_CLASS: Record<string, string> = {
  draft: 'neutral',
  submitted: 'warn',
  approved: 'on',
  returned: 'off',
};

export function ReportStatus({ status }: { status: string }) {
  return (
    <span
      class={'badge ' + (STATUS_CLASS[status] ?? 'neutral')}
      data-testid="report-status"
      data-status={status}
    >
      {statusLabel(status)}
    </span>
  );
}

// Where a record of the drill-down opens (people have no page of their own).
export function recordHref(record: string, id: string): string | null {
  switch (record) {
    case 'household':
      return href('households', id);
    case 'institution':
      return href('institutions', id);
    case 'activity':
      return href('activities', id);
    case 'feedback':
      return href('feedback', id);
    default:
      return null;
  }
}

export function recordKindLabel(record: string): string {
  const key = 'rep.record.' + record;
  return hasKey(key) ? t(key) : record;
}

// The user's first area: the default of the dashboard and the report form.
export function homeArea(user: User): { id: string; name: string } | null {
  const r = user.roles[0];
  return r ? { id: r.area_id, name: r.area_name ?? r.area_id } : null;
}
