// A line chart in inline SVG (no chart library): one point a period (months of a year), an
// optional dashed target line, a few horizontal grid lines with their values. Under a
// right-to-left language time runs from the right and the value axis stands at the right.
import { LANGUAGES, useI18n } from '../i18n';

export interface LinePoint {
  key: string;
  // Axis label (a short month name) and the full one for the point's tooltip.
  label: string;
  title: string;
  value: number | null;
  target?: number | null;
  text: string;
  href?: string;
}

const PAD_TOP = 22;
const PAD_BOTTOM = 28;
const AXIS = 44; // room for the value labels at the start edge
const END = 14; // room after the last point
const HEIGHT = 220;

// 0, a round step, 2 steps, ... above the largest value.
function niceMax(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.5 };
  const rough = max / 3;
  const mag = Math.pow(10, Math.floor(Math.log10(rough)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= rough) ?? 10 * mag;
  return { top: Math.ceil(max / step) * step, step };
}

export function LineChart({
  points,
  title,
  testid,
  format,
}: {
  points: LinePoint[];
  title: string;
  testid?: string;
  format: (v: number) => string;
}) {
  const { lang } = useI18n();
  const dir = LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';
  const rtl = dir === 'rtl';
  const W = window.matchMedia('(min-width: 760px)').matches ? 640 : 320;
  const plotW = W - AXIS - END;
  const plotH = HEIGHT - PAD_TOP - PAD_BOTTOM;
  const values = points
    .flatMap((p) => [p.value, p.target ?? null])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const { top, step } = niceMax(Math.max(0, ...values));
  const slot = points.length > 1 ? plotW / (points.length - 1) : 0;
  // Inline offset from the start edge -> x.
  const pos = (i: number) => (rtl ? W - i : i);
  const xOf = (i: number) => pos(AXIS + (points.length > 1 ? i * slot : plotW / 2));
  const yOf = (v: number) => PAD_TOP + plotH - (v / top) * plotH;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(v);
  // Every label when there is room, else every other one.
  const every = slot >= 34 || points.length <= 6 ? 1 : 2;

  const path = (pick: (p: LinePoint) => number | null | undefined) => {
    let d = '';
    let open = false;
    points.forEach((p, i) => {
      const v = pick(p);
      if (v === null || v === undefined || !Number.isFinite(v)) {
        open = false;
        return;
      }
      d += `${open ? 'L' : 'M'}${xOf(i).toFixed(1)} ${yOf(v).toFixed(1)} `;
      open = true;
    });
    return d.trim();
  };
  const valueLine = path((p) => p.value);
  const targetLine = points.some((p) => p.target !== null && p.target !== undefined)
    ? path((p) => p.target)
    : '';

  return (
    <figure class="chart line-chart" data-testid={testid}>
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={title}
        direction={dir}
        data-dir={dir}
      >
        {ticks.map((v) => (
          <g key={v}>
            <line
              x1={pos(AXIS)}
              x2={pos(W - END)}
              y1={yOf(v)}
              y2={yOf(v)}
              class={v === 0 ? 'chart-base' : 'chart-tick'}
            />
            <text x={pos(AXIS - 6)} y={yOf(v) + 4} class="chart-axis" text-anchor="end">
              {format(v)}
            </text>
          </g>
        ))}
        {points.map(
          (p, i) =>
            i % every === 0 && (
              <text key={p.key} x={xOf(i)} y={HEIGHT - 8} class="chart-axis" text-anchor="middle">
                {p.label}
              </text>
            ),
        )}
        {targetLine && (
          <path d={targetLine} class="chart-target-line" data-testid="chart-target-line" />
        )}
        {valueLine && <path d={valueLine} class="chart-line" data-testid="chart-line" />}
        {points.map((p, i) => {
          if (p.value === null || !Number.isFinite(p.value)) return null;
          const dot = (
            <g
              class="chart-point"
              data-testid="chart-point"
              data-key={p.key}
              data-value={p.value}
              data-x={xOf(i).toFixed(1)}
            >
              <title>{`${p.title}: ${p.text}`}</title>
              <circle cx={xOf(i)} cy={yOf(p.value)} r={14} class="chart-hit" />
              <circle cx={xOf(i)} cy={yOf(p.value)} r={4.5} class="chart-dot" />
            </g>
          );
          return p.href ? (
            <a key={p.key} href={p.href} aria-label={`${p.title}: ${p.text}`}>
              {dot}
            </a>
          ) : (
            <g key={p.key}>{dot}</g>
          );
        })}
      </svg>
    </figure>
  );
}
