// A horizontal bar chart in inline SVG (no chart library): one bar per row, value 0..1, the
// label above its bar. Under a right-to-left language the bars grow from the right.
import { useI18n, LANGUAGES } from '../i18n';
import { formatNumber } from '../i18n/format';

export interface Bar {
  key: string;
  label: string;
  value: number;
  text: string;
  href?: string;
}

const PAD = 8;
const ROW = 50;

// `axis` labels the 0, ½ and full marks (default: percentages).
export function BarChart({
  bars,
  title,
  testid,
  axis,
}: {
  bars: Bar[];
  title: string;
  testid?: string;
  axis?: (fraction: number) => string;
}) {
  const { lang } = useI18n();
  const dir = LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';
  const rtl = dir === 'rtl';
  // About one SVG unit a CSS pixel: a phone's width, or a wider chart on a desktop.
  const W = window.matchMedia('(min-width: 760px)').matches ? 640 : 320;
  const TRACK = W - 2 * PAD;
  // Inline offset from the start edge -> x.
  const pos = (i: number) => (rtl ? W - i : i);
  const height = bars.length * ROW + 22;
  const ticks = [0, 0.5, 1];
  return (
    <figure class="chart" data-testid={testid}>
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${height}`}
        width="100%"
        role="img"
        aria-label={title}
        direction={dir}
        data-dir={dir}
      >
        {bars.map((b, i) => {
          const y = i * ROW;
          const len = Math.max(0, Math.min(1, b.value)) * TRACK;
          const inside = b.value > 0.75;
          const row = (
            <g
              class="chart-row"
              data-testid="chart-bar"
              data-key={b.key}
              data-value={b.value.toFixed(4)}
            >
              <rect x={0} y={y} width={W} height={ROW} class="chart-hit" />
              <text x={pos(PAD)} y={y + 17} class="chart-label" text-anchor="start">
                {b.label}
              </text>
              <rect x={PAD} y={y + 24} width={TRACK} height={18} class="chart-track" rx={3} />
              <rect
                x={rtl ? W - PAD - len : PAD}
                y={y + 24}
                width={len}
                height={18}
                class="chart-bar"
                rx={3}
              />
              <text
                x={pos(inside ? PAD + len - 5 : PAD + len + 5)}
                y={y + 38}
                text-anchor={inside ? 'end' : 'start'}
                class={inside ? 'chart-value inside' : 'chart-value'}
              >
                {b.text}
              </text>
            </g>
          );
          return b.href ? (
            <a key={b.key} href={b.href}>
              {row}
            </a>
          ) : (
            <g key={b.key}>{row}</g>
          );
        })}
        {ticks.map((f) => (
          <g key={f}>
            <line
              x1={pos(PAD + f * TRACK)}
              x2={pos(PAD + f * TRACK)}
              y1={0}
              y2={bars.length * ROW}
              class="chart-tick"
            />
            <text
              x={pos(PAD + f * TRACK)}
              y={bars.length * ROW + 16}
              class="chart-axis"
              text-anchor={f === 0 ? 'start' : f === 1 ? 'end' : 'middle'}
            >
              {axis ? axis(f) : formatNumber(f, { style: 'percent' }, lang)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
