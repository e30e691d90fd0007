// Registry roll-up of an area: institutions by type and status, households registered and
// organised by poverty band, members by sex, age band and disability, and a chart comparing the
// sub-areas by the share of their poor households that are organised.
import { query } from '../../api';
import { AreaPicker } from '../../components/area_picker';
import { BarChart } from '../../components/bar_chart';
import { useI18n } from '../../i18n';
import {
  bandLabel,
  currentBands,
  enumLabel,
  ENUMS,
  enumValues,
  num,
  pct,
  typeLabel,
  useConfig,
} from '../../registry_data';
import { href, navigate } from '../../router';
import { sessionConfig } from '../../session';
import type { RegistrySummary } from '../../types';
import { useFetch } from '../../use_fetch';
import { LoadingCard } from '../../components/loading_card';

export function SummaryPage({ id }: { id?: string }) {
  const { t } = useI18n();
  const config = useConfig();

  const { data: s } = useFetch<RegistrySummary>('/registry/summary' + query({ area: id }));

  if (!s) return <LoadingCard />;
  const h = s.households;
  const instTotal = s.institutions.reduce((a, x) => a + x.count, 0);
  const memberTotal = s.members.reduce((a, x) => a + x.count, 0);
  const bars = [...s.children]
    .map((c) => ({
      key: c.area_id,
      label: c.name,
      value: c.poor > 0 ? c.poor_organised / c.poor : 0,
      text:
        c.poor > 0
          ? `${pct(c.poor_organised, c.poor)} (${num(c.poor_organised)}/${num(c.poor)})`
          : t('sum.noPoor'),
      href: href('summary', c.area_id),
    }))
    .sort((a, b) => b.value - a.value);

  return (
    <>
      <section
        class="card"
        aria-labelledby="sum-heading"
        data-testid="summary"
        data-area-id={s.area.id}
      >
        <h1 id="sum-heading">{t('sum.title')}</h1>
        <h2 class="sum-area" data-testid="summary-area">
          <bdi>{s.area.name}</bdi>
        </h2>
        <AreaPicker
          label={t('sum.otherArea')}
          value={null}
          onChange={(a) => a && navigate('summary', a.id)}
          testid="summary-area-picker"
        />
        <div class="tiles" data-testid="summary-tiles">
          <Tile label={t('sum.registered')} value={num(h.registered)} testid="tile-registered" />
          <Tile
            label={t('sum.organised')}
            value={num(h.organised)}
            note={pct(h.organised, h.registered)}
            testid="tile-organised"
          />
          <Tile label={t('sum.poorRegistered')} value={num(h.poor_registered)} testid="tile-poor" />
          <Tile
            label={t('sum.poorOrganised')}
            value={num(h.poor_organised)}
            note={pct(h.poor_organised, h.poor_registered)}
            testid="tile-poor-organised"
          />
          <Tile label={t('sum.institutions')} value={num(instTotal)} testid="tile-institutions" />
          <Tile label={t('sum.members')} value={num(memberTotal)} testid="tile-members" />
        </div>
      </section>

      {bars.length > 0 && (
        <section class="card" aria-labelledby="sum-chart-heading">
          <h2 id="sum-chart-heading">{t('sum.chartTitle')}</h2>
          <p class="muted small">{t('sum.chartHelp')}</p>
          <BarChart bars={bars} title={t('sum.chartTitle')} testid="summary-chart" />
        </section>
      )}

      <section class="card" aria-labelledby="sum-inst-heading">
        <h2 id="sum-inst-heading">{t('sum.institutionsTitle')}</h2>
        <InstitutionTable s={s} typeName={(c) => typeLabel(config, c)} />
      </section>

      <section class="card" aria-labelledby="sum-band-heading">
        <h2 id="sum-band-heading">{t('sum.bandsTitle')}</h2>
        <div class="table-wrap">
          <table data-testid="summary-bands" class="numbers">
            <thead>
              <tr>
                <th scope="col">{t('hh.band')}</th>
                <th scope="col">{t('sum.registered')}</th>
                <th scope="col">{t('sum.organised')}</th>
                <th scope="col">{t('sum.share')}</th>
              </tr>
            </thead>
            <tbody>
              {byBandOrder(
                h.by_band,
                currentBands(config).map((b) => b.code),
              ).map((b) => (
                <tr key={b.band ?? 'none'} data-band={b.band ?? ''}>
                  <th scope="row">{bandLabel(config, b.band)}</th>
                  <td>{num(b.registered)}</td>
                  <td>{num(b.organised)}</td>
                  <td>{pct(b.organised, b.registered)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('sum.total')}</th>
                <td>{num(h.registered)}</td>
                <td>{num(h.organised)}</td>
                <td>{pct(h.organised, h.registered)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section class="card" aria-labelledby="sum-members-heading">
        <h2 id="sum-members-heading">{t('sum.membersTitle')}</h2>
        <p class="muted small">{t('sum.membersHelp')}</p>
        <MembersTable s={s} />
      </section>

      {s.children.length > 0 && (
        <section class="card" aria-labelledby="sum-children-heading">
          <h2 id="sum-children-heading">{t('sum.childrenTitle')}</h2>
          <div class="table-wrap">
            <table class="stack numbers" data-testid="summary-children">
              <thead>
                <tr>
                  <th scope="col">{t('reg.area')}</th>
                  <th scope="col">{t('sum.registered')}</th>
                  <th scope="col">{t('sum.organised')}</th>
                  <th scope="col">{t('sum.poorRegistered')}</th>
                  <th scope="col">{t('sum.poorOrganised')}</th>
                  <th scope="col">{t('sum.institutions')}</th>
                </tr>
              </thead>
              <tbody>
                {s.children.map((c) => (
                  <tr key={c.area_id} data-testid="summary-child">
                    <td class="stack-title">
                      <a href={href('summary', c.area_id)}>
                        <bdi>{c.name}</bdi>
                      </a>
                    </td>
                    <td data-label={t('sum.registered')}>{num(c.households)}</td>
                    <td data-label={t('sum.organised')}>
                      {num(c.organised)} ({pct(c.organised, c.households)})
                    </td>
                    <td data-label={t('sum.poorRegistered')}>{num(c.poor)}</td>
                    <td data-label={t('sum.poorOrganised')}>
                      {num(c.poor_organised)} ({pct(c.poor_organised, c.poor)})
                    </td>
                    <td data-label={t('sum.institutions')}>{num(c.institutions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}

// The configured band order (poorest first); households without a score last.
function byBandOrder<T extends { band: string | null }>(rows: T[], order: string[]): T[] {
  const rank = (b: string | null) =>
    b === null ? order.length + 1 : order.indexOf(b) < 0 ? order.length : order.indexOf(b);
  return [...rows].sort((a, b) => rank(a.band) - rank(b.band));
}

function Tile({
  label,
  value,
  note,
  testid,
}: {
  label: string;
  value: string;
  note?: string;
  testid: string;
}) {
  return (
    <div class="tile" data-testid={testid}>
      <div class="tile-value">
        {value}
        {note && <span class="tile-note"> {note}</span>}
      </div>
      <div class="tile-label">{label}</div>
    </div>
  );
}

function InstitutionTable({
  s,
  typeName,
}: {
  s: RegistrySummary;
  typeName: (code: string) => string;
}) {
  const { t } = useI18n();
  if (s.institutions.length === 0) return <p class="muted">{t('inst.none')}</p>;
  const statuses = ENUMS.status.filter((st) => s.institutions.some((x) => x.status === st));
  const types = [...new Map(s.institutions.map((x) => [x.type, x.tier])).entries()].sort(
    (a, b) => a[1] - b[1] || a[0].localeCompare(b[0]),
  );
  const count = (type: string, status: string) =>
    s.institutions
      .filter((x) => x.type === type && x.status === status)
      .reduce((a, x) => a + x.count, 0);
  return (
    <div class="table-wrap">
      <table data-testid="summary-institutions" class="numbers">
        <thead>
          <tr>
            <th scope="col">{t('inst.type')}</th>
            {statuses.map((st) => (
              <th key={st} scope="col">
                {enumLabel('status', st)}
              </th>
            ))}
            <th scope="col">{t('sum.total')}</th>
          </tr>
        </thead>
        <tbody>
          {types.map(([type]) => (
            <tr key={type} data-type={type}>
              <th scope="row">{typeName(type)}</th>
              {statuses.map((st) => (
                <td key={st}>{num(count(type, st))}</td>
              ))}
              <td>{num(statuses.reduce((a, st) => a + count(type, st), 0))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MembersTable({ s }: { s: RegistrySummary }) {
  const { t } = useI18n();
  if (s.members.length === 0) return <p class="muted">{t('inst.noMembers')}</p>;
  const sum = (f: (m: RegistrySummary['members'][number]) => boolean) =>
    s.members.filter(f).reduce((a, m) => a + m.count, 0);
  const { age_bands, unknown_age_band } = sessionConfig();
  const bands = [...age_bands, unknown_age_band].filter((b) =>
    s.members.some((m) => m.age_band === b),
  );
  const sexes = enumValues('sex').filter((x) => s.members.some((m) => m.sex === x));
  return (
    <div class="table-wrap">
      <table data-testid="summary-members" class="numbers">
        <thead>
          <tr>
            <th scope="col">{t('sum.ageBand')}</th>
            {sexes.map((x) => (
              <th key={x} scope="col">
                {enumLabel('sex', x)}
              </th>
            ))}
            <th scope="col">{t('sum.withDisability')}</th>
            <th scope="col">{t('sum.total')}</th>
          </tr>
        </thead>
        <tbody>
          {bands.map((b) => (
            <tr key={b} data-age-band={b}>
              <th scope="row">{enumLabel('age_band', b)}</th>
              {sexes.map((x) => (
                <td key={x}>{num(sum((m) => m.age_band === b && m.sex === x))}</td>
              ))}
              <td>{num(sum((m) => m.age_band === b && m.disability))}</td>
              <td>{num(sum((m) => m.age_band === b))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('sum.total')}</th>
            {sexes.map((x) => (
              <td key={x}>{num(sum((m) => m.sex === x))}</td>
            ))}
            <td>{num(sum((m) => m.disability))}</td>
            <td>{num(sum(() => true))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
