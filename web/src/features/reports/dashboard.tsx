// The dashboard: for an area (the user's own by default) and a period (this month by default),
// cards of the key indicators (headline figure, target, % achieved with its traffic light), the
// monthly trend of one indicator over the year, and its value in each sub-area. Every number
// opens the records behind it (pages/indicator_records.tsx).
import { ApiError, get, query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { BarChart } from '../../components/bar_chart';
import { SelectField } from '../../components/form_fields';
import { LineChart, type LinePoint } from '../../components/line_chart';
import { langStore, useI18n } from '../../i18n';
import { showError } from '../../messages';
import { href } from '../../router';
import { createStore, useStore } from '../../store';
import type { User } from '../../types';
import {
  Achieved,
  currentMonth,
  fmt,
  headline,
  homeArea,
  indicatorName,
  monthName,
  monthYear,
  periodLabel,
  PeriodPicker,
  useLibrary,
  type IndicatorValues,
} from './common';
import { useSettings, type ProgrammeSettings } from '../setup/common';
import { useFetch } from '../../use_fetch';
import { formatNumber } from '../../i18n/format';

export const KEY_INDICATORS = [
  'HH_ORGANISED',
  'HH_POOR_ORGANISED_PCT',
  'ACTIVITIES',
  'REACH',
  'PEOPLE_TRAINED',
  'FEEDBACK_ON_TIME_PCT',
  'SAVINGS',
];

interface DashState {
  area: PickedArea | null;
  period: string;
  trend: string;
}

// Survives a visit to the records behind a number and back.
const dashStore = createStore<DashState | null>(null);

// The records behind a number: #/dashboard/records/CODE/AREA/PERIOD/COLUMN[/GROUP].
export function drillHref(
  code: string,
  area: string,
  period: string,
  column: 'period' | 'cumulative',
  group?: string,
): string {
  return group
    ? href('dashboard', 'records', code, area, period, column, group)
    : href('dashboard', 'records', code, area, period, column);
}

function valuesPath(code: string, area: string, period: string, by?: string): string {
  return (
    `/indicators/${encodeURIComponent(code)}/values` +
    query({ area, period, by, lang: langStore.get() })
  );
}

type Settings = Pick<ProgrammeSettings, 'fiscal_year_start_month' | 'fiscal_year_label'>;

// The fiscal year whose months the trend shows: the one the period falls in (quarters, halves and
// years are already named by their fiscal year; project to date: the current one).
export function yearOf(period: string, s: Settings | null): string {
  if (/^\d{4}(Q\d|S\d)?$/.test(period)) return period.slice(0, 4);
  const month = /^\d{4}-\d{2}$/.test(period) ? period : currentMonth();
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const first = s?.fiscal_year_start_month ?? 1;
  if (first === 1) return String(y);
  const startYear = m >= first ? y : y - 1;
  return String(s?.fiscal_year_label === 'end' ? startYear + 1 : startYear);
}

export function DashboardPage({ user }: { user: User }) {
  const { t, lang } = useI18n();
  const lib = useLibrary();
  const stored = useStore(dashStore);
  const s: DashState = stored ?? {
    area: homeArea(user),
    period: currentMonth(),
    trend: KEY_INDICATORS[0],
  };
  const set = (p: Partial<DashState>) => dashStore.set({ ...s, ...p });
  const areaId = s.area?.id;
  // The key indicators' values for the area and period (null: none, e.g. not defined here); read
  // again in another language for the indicators' names.
  const cards =
    useFetch<Record<string, IndicatorValues | null>>(
      areaId ? `${areaId}#${s.period}#${lang}` : null,
      {
        reset: true,
        load: async (_, signal) => {
          const values = await Promise.all(
            KEY_INDICATORS.map((code) =>
              get<IndicatorValues>(valuesPath(code, areaId!, s.period), { signal }).catch((e) => {
                if (!signal.aborted && !(e instanceof ApiError && e.status === 404)) showError(e);
                return null;
              }),
            ),
          );
          return Object.fromEntries(KEY_INDICATORS.map((code, n) => [code, values[n]]));
        },
      },
    ).data ?? {};

  const shownArea = Object.values(cards).find((v) => v)?.area ?? s.area;
  return (
    <>
      <section
        class="card"
        aria-labelledby="dash-heading"
        data-testid="dashboard"
        data-area-id={shownArea?.id ?? ''}
        data-period={s.period}
      >
        <h1 id="dash-heading">{t('dash.title')}</h1>
        {shownArea && (
          <h2 class="sum-area" data-testid="dashboard-area">
            <bdi>{shownArea.name}</bdi> · {periodLabel(s.period)}
          </h2>
        )}
        <div class="form-row">
          <AreaPicker
            label={t('rep.area')}
            value={s.area}
            onChange={(area) => area && set({ area })}
            testid="dash-area"
          />
          <PeriodPicker
            label={t('rep.period')}
            value={s.period}
            onChange={(period) => set({ period })}
            testid="dash-period"
          />
        </div>
        <div class="kpis" data-testid="dashboard-cards">
          {KEY_INDICATORS.map((code) => (
            <KpiCard
              key={code}
              code={code}
              values={cards[code]}
              name={indicatorName(lib, code, cards[code]?.indicator.name)}
              period={s.period}
            />
          ))}
        </div>
      </section>
      <Trend state={s} onTrend={(trend) => set({ trend })} />
    </>
  );
}

function KpiCard({
  code,
  values,
  name,
  period,
}: {
  code: string;
  values: IndicatorValues | null | undefined;
  name: string;
  period: string;
}) {
  const { t } = useI18n();
  const v = values;
  const column = v?.stock ? 'cumulative' : 'period';
  const value = v ? headline(v.stock, v.total) : null;
  return (
    <article
      class="kpi"
      data-testid={'kpi-' + code}
      data-code={code}
      data-light={v?.total.light ?? ''}
    >
      <h3 class="kpi-name">
        <bdi>{name}</bdi>
      </h3>
      {v === undefined ? (
        <p class="kpi-value muted">…</p>
      ) : v === null ? (
        <p class="kpi-value muted">–</p>
      ) : (
        <>
          {value === null ? (
            <p class="kpi-value muted" data-testid="kpi-value" data-value="">
              –
            </p>
          ) : (
            <a
              class="kpi-value"
              href={drillHref(code, v.area.id, period, column)}
              data-testid="kpi-value"
              data-value={value ?? ''}
              aria-label={t('dash.openRecords', { name, value: fmt(value, v.indicator.unit) })}
            >
              <bdi>{fmt(value, v.indicator.unit)}</bdi>
            </a>
          )}
          <p class="kpi-note muted small">{v.stock ? t('dash.atEnd') : t('dash.inPeriod')}</p>
          <dl class="kpi-meta">
            <div>
              <dt>{t('rep.target')}</dt>
              <dd data-testid="kpi-target">{fmt(v.total.target, v.indicator.unit)}</dd>
            </div>
            <div>
              <dt>{t('rep.achieved')}</dt>
              <dd>
                <Achieved value={v.total.achieved} light={v.total.light} testid="kpi-achieved" />
              </dd>
            </div>
          </dl>
        </>
      )}
    </article>
  );
}

function Trend({ state, onTrend }: { state: DashState; onTrend: (code: string) => void }) {
  const { t } = useI18n();
  const lib = useLibrary();
  const settings = useSettings();
  const year = yearOf(state.period, settings);
  const areaId = state.area?.id;
  // Both paths carry the language (valuesPath), so a new language reads them again.
  const { data: months } = useFetch<IndicatorValues>(
    areaId && settings ? valuesPath(state.trend, areaId, year, 'month') : null,
    { reset: true },
  );
  const { data: children } = useFetch<IndicatorValues>(
    areaId ? valuesPath(state.trend, areaId, state.period, 'child_area') : null,
    { reset: true },
  );

  const name = indicatorName(lib, state.trend, months?.indicator.name);
  const options = (lib ?? []).map((d) => ({ value: d.code, label: indicatorName(lib, d.code) }));
  if (!options.some((o) => o.value === state.trend))
    options.unshift({ value: state.trend, label: name });

  const points = months ? monthPoints(months, state.trend) : [];

  const bars = children ? childBars(children, state.trend, state.period) : [];
  const unit = children?.indicator.unit ?? 'count';
  const max = children
    ? Math.max(0, ...children.rows.map((r) => headline(children.stock, r) ?? 0))
    : 0;
  // Percentages on their own scale; other values against the largest sub-area.
  const axis = unit === 'percent' ? undefined : (f: number) => fmt(f * max, unit);
  return (
    <section class="card" aria-labelledby="dash-trend-heading" data-testid="dashboard-trend">
      <h2 id="dash-trend-heading">{t('dash.trendTitle')}</h2>
      <SelectField
        label={t('rep.indicator')}
        value={state.trend}
        onChange={onTrend}
        options={options}
        testid="dash-trend-indicator"
      />
      <h3>
        {t('dash.monthly', {
          name,
          year: formatNumber(Number(year), { useGrouping: false }),
        })}
      </h3>
      {months?.stock && <p class="muted small">{t('dash.stockTrend')}</p>}
      {!months ? (
        <p class="muted">{t('common.loading')}</p>
      ) : points.every((p) => p.value === null) ? (
        <p class="muted">{t('dash.noData')}</p>
      ) : (
        <>
          <LineChart
            points={points}
            title={t('dash.monthly', { name, year })}
            testid="dash-line"
            format={(v) => fmt(v, months.indicator.unit)}
          />
          {points.some((p) => p.target !== null && p.target !== undefined) && (
            <p class="chart-legend muted small">
              <span class="legend-line" aria-hidden="true" /> {t('dash.valueLegend')}{' '}
              <span class="legend-line target" aria-hidden="true" /> {t('dash.targetLegend')}
            </p>
          )}
        </>
      )}
      <h3>{t('dash.byArea', { name })}</h3>
      {!children ? (
        <p class="muted">{t('common.loading')}</p>
      ) : bars.length === 0 ? (
        <p class="muted" data-testid="dash-no-children">
          {t('dash.noChildren')}
        </p>
      ) : (
        <BarChart
          bars={bars}
          title={t('dash.byArea', { name })}
          testid="dash-children"
          axis={axis}
        />
      )}
    </section>
  );
}

// The months of the period, each with what happened (or, for a stock, what started) in it;
// a month without records counts 0 (a ratio has no value then), months still to come none.
function monthPoints(v: IndicatorValues, code: string): LinePoint[] {
  const byMonth = new Map(v.rows.map((r) => [r.keys[0], r]));
  const unit = v.indicator.unit;
  const now = currentMonth();
  const points: LinePoint[] = [];
  let y = Number(v.period.start.slice(0, 4));
  let m = Number(v.period.start.slice(5, 7));
  const last = v.period.end.slice(0, 7);
  for (let i = 0; i < 24; i++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    const r = byMonth.get(month);
    const value =
      month > now
        ? null
        : r
          ? r.period
          : unit === 'percent' || unit === 'ratio' || unit === 'average'
            ? null
            : 0;
    points.push({
      key: month,
      label: monthName(m, 'short'),
      title: monthYear(y, m),
      value,
      target: r?.target ?? null,
      text: fmt(value, unit),
      href: drillHref(code, v.area.id, month, 'period'),
    });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return points;
}

// One bar a sub-area: percentages on a 0–100 scale, other values against the largest.
function childBars(v: IndicatorValues, code: string, period: string) {
  const unit = v.indicator.unit;
  const column = v.stock ? 'cumulative' : 'period';
  const rows = v.rows.map((r) => ({ r, value: headline(v.stock, r) ?? 0 }));
  const max = Math.max(0, ...rows.map((x) => x.value));
  // Records kept at the area itself (not in a sub-area) come as a row of the area's own, which
  // the server names "recorded at <area> itself".
  if (rows.every(({ r }) => r.keys[0] === v.area.id)) return [];
  return rows
    .map(({ r, value }) => ({
      key: r.keys[0],
      label: r.labels[0] ?? r.keys[0],
      value: unit === 'percent' ? Math.min(1, value / 100) : max > 0 ? value / max : 0,
      text: fmt(headline(v.stock, r), unit),
      href: drillHref(code, v.area.id, period, column, 'child_area:' + r.keys[0]),
    }))
    .sort((a, b) => b.value - a.value);
}
