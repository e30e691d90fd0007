// What the programme set-up screens (programme settings, report templates, DHIS2 mapping) share:
// who may change them, the programme settings read once (the dashboard reads them too), the
// fiscal-year arithmetic of the server (src/domain/periods/period.cpp) for the settings preview,
// and their bread crumbs.
import { get } from '../../api';
import { Crumbs } from '../../components/registry_bits';
import { langStore, useI18n } from '../../i18n';
import { sharedResource } from '../../registry_data';
import { href } from '../../router';
import { useCanProgrammeWide } from '../../session';
import { monthYear } from '../reports/common';
import { formatDate } from '../../i18n/format';

// ---- Programme settings (GET|PUT /programme-settings) ----

export interface ProgrammeSettings {
  fiscal_year_start_month: number;
  fiscal_year_label: 'start' | 'end';
  project_start: string;
  light_green: number;
  light_amber: number;
  dhis2_data_set: string;
  dhis2_attribute_option_combo: string;
}

const settings = sharedResource(() => get<ProgrammeSettings>('/programme-settings'));
export const settingsStore = settings.store;
export const useSettings = (): ProgrammeSettings | null => settings.use();

// ---- Who may change the set-up ----

// The server allows these writes only to those who hold indicator.write on a top-level area
// (docs/api.md); the session says whether the caller does.
export function useProgrammeAdmin(): boolean {
  return useCanProgrammeWide()('indicator.write');
}

export function ReadOnlyNote() {
  const { t } = useI18n();
  return (
    <p class="notice" data-testid="setup-readonly">
      {t('setup.readOnly')}
    </p>
  );
}

export function SetupCrumbs({ current }: { current: string }) {
  const { t } = useI18n();
  return <Crumbs items={[{ href: href('setup'), label: t('setup.title') }]} current={current} />;
}

// ---- Fiscal periods, as the server computes them ----

export interface MonthSpan {
  from: [number, number]; // year, month
  to: [number, number];
}

function shift(year: number, month: number, by: number): [number, number] {
  const n = year * 12 + (month - 1) + by;
  return [Math.floor(n / 12), (n % 12) + 1];
}

// The months a quarter ("2026Q1"), half ("2026S2") or year ("2026") covers: the fiscal year
// starts in `start_month` and is named by the year it starts in, or ends in (`label` = end).
export function fiscalSpan(
  text: string,
  startMonth: number,
  label: 'start' | 'end',
): MonthSpan | null {
  const m = /^(\d{4})(?:([QS])([1-4]))?$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const fs = startMonth >= 1 && startMonth <= 12 ? startMonth : 1;
  const startYear = fs === 1 || label === 'start' ? y : y - 1;
  const size = !m[2] ? 12 : m[2] === 'Q' ? 3 : 6;
  const index = m[2] ? Number(m[3]) - 1 : 0;
  const from = shift(startYear, fs, size * index);
  return { from, to: shift(from[0], from[1], size - 1) };
}

// "Jul 2026 – Sep 2026" (Pashto: the months' full names, which this build holds).
function monthText([y, m]: [number, number]): string {
  const lang = langStore.get();
  return lang === 'ps'
    ? monthYear(y, m)
    : formatDate(new Date(y, m - 1, 15), { month: 'short', year: 'numeric' }, lang);
}

// Breaking only between the two months.
export function Span({ span }: { span: MonthSpan | null }) {
  if (!span) return <>–</>;
  return (
    <>
      <span class="nowrap">{monthText(span.from)}</span> –{' '}
      <span class="nowrap">{monthText(span.to)}</span>
    </>
  );
}

// The name of the fiscal year that today falls in, under these settings.
export function currentFiscalYear(
  startMonth: number,
  label: 'start' | 'end',
  today = new Date(),
): number {
  const y = today.getFullYear();
  const m = today.getMonth() + 1;
  const fs = startMonth >= 1 && startMonth <= 12 ? startMonth : 1;
  const startYear = m >= fs ? y : y - 1;
  return fs === 1 || label === 'start' ? startYear : startYear + 1;
}

// The latest period of a kind that has begun, under these settings: this month, or the fiscal
// quarter, half or year that today falls in.
export function periodNow(
  kind: 'month' | 'quarter' | 'half' | 'year' | 'ptd',
  startMonth = 1,
  label: 'start' | 'end' = 'start',
  today = new Date(),
): string {
  const y = today.getFullYear();
  const m = today.getMonth() + 1;
  if (kind === 'month') return `${y}-${String(m).padStart(2, '0')}`;
  if (kind === 'ptd') return 'ptd';
  const fs = startMonth >= 1 && startMonth <= 12 ? startMonth : 1;
  const into = (m - fs + 12) % 12;
  const fy = currentFiscalYear(fs, label, today);
  if (kind === 'quarter') return `${fy}Q${Math.floor(into / 3) + 1}`;
  if (kind === 'half') return `${fy}S${Math.floor(into / 6) + 1}`;
  return String(fy);
}
