// The indicator library: every indicator by its name in the reader's language, and one
// indicator's definition (what it counts, filters, disaggregations, or the two indicators it
// divides). M&E officers and administrators define their own, change and delete them.
import { useState } from 'preact/hooks';
import { del } from '../../api';
import { Crumbs, Facts } from '../../components/registry_bits';
import { ListSection } from '../../components/lists';
import { LANGUAGES, useI18n } from '../../i18n';
import { clearMessages, showError, showInfo } from '../../messages';
import { num } from '../../registry_data';
import { href, navigate } from '../../router';
import {
  dimLabel,
  indicatorName,
  loadLibrary,
  recordKindLabel,
  ReportsTabs,
  useLibrary,
  type IndicatorDef,
  type ReportRights,
} from './common';
import { LoadingCard } from '../../components/loading_card';

export function unitLabel(unit: string, t: ReturnType<typeof useI18n>['t']): string {
  switch (unit) {
    case 'percent':
      return t('ind.unit.percent');
    case 'ratio':
      return t('ind.unit.ratio');
    case 'average':
      return t('ind.unit.average');
    case 'amount':
      return t('ind.unit.amount');
    default:
      return t('ind.unit.count');
  }
}

export function measureLabel(measure: string, t: ReturnType<typeof useI18n>['t']): string {
  switch (measure) {
    case 'count':
      return t('ind.measure.count');
    case 'distinct_people':
      return t('ind.measure.distinct_people');
    case 'distinct_households':
      return t('ind.measure.distinct_households');
    case 'sum':
      return t('ind.measure.sum');
    case 'average':
      return t('ind.measure.average');
    case 'ratio':
      return t('ind.measure.ratio');
    default:
      return measure;
  }
}

export function IndicatorsPage({ rights }: { rights: ReportRights }) {
  const { t } = useI18n();
  const lib = useLibrary();
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const shown = (lib ?? []).filter(
    (d) =>
      !needle ||
      d.code.toLowerCase().includes(needle) ||
      indicatorName(lib, d.code).toLowerCase().includes(needle),
  );
  return (
    <ListSection
      headingId="ind-heading"
      testid="indicators"
      title={t('ind.title')}
      tabs={<ReportsTabs current="indicators" />}
      actions={
        rights.define && (
          <a class="button primary" href={href('indicators', 'new')} data-testid="indicator-new">
            {t('ind.new')}
          </a>
        )
      }
    >
      <div class="field">
        <label for="ind-search">{t('ind.search')}</label>
        <input
          id="ind-search"
          type="search"
          value={q}
          data-testid="indicators-search"
          onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      {!lib ? (
        <p class="muted">{t('common.loading')}</p>
      ) : shown.length === 0 ? (
        <p class="muted">{t('ind.none')}</p>
      ) : (
        <ul class="record-list" data-testid="indicators-list">
          {shown.map((d) => (
            <li key={d.code} data-testid="indicator-row" data-code={d.code}>
              <a class="record-link" href={href('indicators', d.code)}>
                <span class="record-title">
                  <bdi>{indicatorName(lib, d.code)}</bdi>
                </span>
                <span class="record-meta">
                  <bdi dir="ltr" class="code-list">
                    {d.code}
                  </bdi>{' '}
                  · {unitLabel(d.unit, t)}
                </span>
              </a>
              {!d.builtin && <span class="badge grade">{t('ind.custom')}</span>}
            </li>
          ))}
        </ul>
      )}
    </ListSection>
  );
}

export function IndicatorDetailPage({ code, rights }: { code: string; rights: ReportRights }) {
  const { t } = useI18n();
  const lib = useLibrary();
  const [confirming, setConfirming] = useState(false);
  if (!lib) return <LoadingCard />;
  const d = lib.find((x) => x.code === code);
  if (!d)
    return (
      <section class="card">
        <p class="muted" data-testid="indicator-missing">
          {t('ind.missing')}
        </p>
      </section>
    );
  const name = indicatorName(lib, d.code);
  const mayChange = rights.define && !d.builtin;

  async function remove(x: IndicatorDef) {
    clearMessages();
    try {
      await del(`/indicators/${encodeURIComponent(x.code)}`);
      await loadLibrary(true);
      showInfo(t('common.deleted'));
      navigate('indicators');
    } catch (e) {
      showError(e);
    }
  }

  const names = LANGUAGES.filter((l) => l.code !== 'en' && d.names?.[l.code]).map(
    (l) => `${l.name}: ${d.names[l.code]}`,
  );
  return (
    <section
      class="card"
      aria-labelledby="ind-detail-heading"
      data-testid="indicator-detail"
      data-code={d.code}
    >
      <Crumbs items={[{ href: href('indicators'), label: t('ind.title') }]} current={name} />
      <div class="section-head">
        <h1 id="ind-detail-heading">
          <bdi>{name}</bdi>
        </h1>
        {mayChange && (
          <a
            class="button secondary"
            href={href('indicators', d.code, 'edit')}
            data-testid="indicator-edit"
          >
            {t('common.edit')}
          </a>
        )}
      </div>
      <p class="badges">
        <span class="badge neutral">{unitLabel(d.unit, t)}</span>
        <span class={d.builtin ? 'badge neutral' : 'badge grade'}>
          {d.builtin ? t('ind.builtin') : t('ind.custom')}
        </span>
      </p>
      {d.description && (
        <p class="pre-line" data-testid="indicator-description">
          <bdi dir="auto">{d.description}</bdi>
        </p>
      )}
      <Facts
        rows={[
          [
            t('ind.code'),
            <bdi dir="ltr" class="code-list">
              {d.code}
            </bdi>,
            'indicator-code',
          ],
          [t('ind.nameEn'), <bdi>{d.name}</bdi>],
          [t('ind.otherNames'), names.length ? <bdi>{names.join(' · ')}</bdi> : ''],
          [t('ind.record'), d.record ? recordKindLabel(d.record) : ''],
          [t('ind.measure'), measureLabel(d.measure, t), 'indicator-measure'],
          [t('ind.field'), d.field ? <bdi dir="ltr">{d.field}</bdi> : ''],
          [
            t('ind.numerator'),
            d.numerator ? (
              <a href={href('indicators', d.numerator)}>
                <bdi>{indicatorName(lib, d.numerator)}</bdi>
              </a>
            ) : (
              ''
            ),
          ],
          [
            t('ind.denominator'),
            d.denominator ? (
              <a href={href('indicators', d.denominator)}>
                <bdi>{indicatorName(lib, d.denominator)}</bdi>
              </a>
            ) : (
              ''
            ),
          ],
          [t('ind.scale'), d.measure === 'ratio' ? num(d.scale) : ''],
          [
            t('ind.filters'),
            d.filters.length ? (
              <ul class="plain-list" data-testid="indicator-filters">
                {d.filters.map((f) => (
                  <li key={f.field}>
                    <bdi dir="ltr">{f.field}</bdi>: <bdi dir="ltr">{f.values.join(', ')}</bdi>
                  </li>
                ))}
              </ul>
            ) : (
              t('ind.noFilters')
            ),
          ],
          [
            t('ind.dims'),
            d.dims.length ? d.dims.map(dimLabel).join(t('common.listSep')) : '–',
            'indicator-dims',
          ],
        ]}
      />
      {mayChange && (
        <div class="actions separated">
          {confirming ? (
            <div class="confirm">
              <p>{t('ind.deleteConfirm')}</p>
              <div class="actions">
                <button
                  type="button"
                  class="danger"
                  data-testid="indicator-delete-confirm"
                  onClick={() => remove(d)}
                >
                  {t('common.confirm')}
                </button>
                <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              class="danger"
              data-testid="indicator-delete"
              onClick={() => setConfirming(true)}
            >
              {t('common.delete')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
