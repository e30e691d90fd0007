// Targets: the list (area, indicator, period), the form that sets one (an indicator, an area, a
// period, optionally one disaggregation such as sex=f; setting it again replaces it) with the
// server's field errors, deleting one, and the CSV/XLSX import with its dry run.
import { useWrite } from '../../components/registry_bits';
import { useState } from 'preact/hooks';
import { del, post, query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Field, SelectField } from '../../components/form_fields';
import { Form } from '../../components/form';
import { ImportPanel } from '../../components/import_panel';
import { useI18n } from '../../i18n';
import { clearMessages, showError, showInfo } from '../../messages';
import { href } from '../../router';
import { createStore } from '../../store';
import type { ImportResult, Page } from '../../types';
import { OtherErrors } from '../fieldwork/common';
import {
  currentMonth,
  fmt,
  indicatorName,
  periodLabel,
  PeriodPicker,
  ReportsTabs,
  useLibrary,
  type IndicatorDef,
  type ReportRights,
  type Target,
} from './common';
import { FilterBox, PagedTable, useFilters, ListSection } from '../../components/lists';
import { useFetch } from '../../use_fetch';

const LIMIT = 50;
const COLUMNS = ['indicator_code', 'area_code', 'period', 'disaggregation', 'value'];

interface Filters {
  area: PickedArea | null;
  indicator: string;
  period: string;
  offset: number;
}

const filterStore = createStore<Filters>({ area: null, indicator: '', period: '', offset: 0 });

const unitOf = (lib: IndicatorDef[] | null, code: string) =>
  lib?.find((d) => d.code === code)?.unit ?? 'count';

export function TargetsPage({ rights }: { rights: ReportRights }) {
  const { t } = useI18n();
  const lib = useLibrary();
  const { f, set, setOffset } = useFilters(filterStore);
  const [confirming, setConfirming] = useState<string | null>(null);
  const options = (lib ?? []).map((d) => ({ value: d.code, label: indicatorName(lib, d.code) }));

  const { data: page, reload } = useFetch<Page<Target>>(
    '/targets' +
      query({
        area: f.area?.id,
        indicator: f.indicator,
        period: f.period,
        limit: LIMIT,
        offset: f.offset,
      }),
  );

  async function remove(x: Target) {
    clearMessages();
    try {
      await del(`/targets/${encodeURIComponent(x.id)}`);
      showInfo(t('common.deleted'));
      setConfirming(null);
      reload();
    } catch (e) {
      showError(e);
    }
  }

  return (
    <>
      <ListSection
        headingId="targets-heading"
        testid="targets"
        title={t('tgt.title')}
        tabs={<ReportsTabs current="targets" />}
        actions={
          rights.targets && (
            <a
              class="button secondary"
              href={href('targets', 'import')}
              data-testid="targets-import"
            >
              {t('tgt.import')}
            </a>
          )
        }
      >
        <FilterBox
          label={t('rep.filters')}
          testid="targets-filters"
          open={!!(f.area || f.indicator || f.period)}
        >
          <AreaPicker
            label={t('rep.area')}
            value={f.area}
            onChange={(area) => set({ area })}
            clearable
            testid="targets-area-filter"
          />
          <SelectField
            label={t('rep.indicator')}
            value={f.indicator}
            onChange={(indicator) => set({ indicator })}
            testid="targets-indicator-filter"
            options={[{ value: '', label: t('rep.any') }, ...options]}
          />
          <PeriodPicker
            label={t('rep.period')}
            value={f.period}
            onChange={(period) => set({ period })}
            any
            testid="targets-period-filter"
          />
        </FilterBox>
        <PagedTable
          page={page}
          testid="targets"
          none={t('tgt.none')}
          count={t('tgt.count', { n: page?.total ?? 0 })}
          onOffset={setOffset}
          tableTestid="targets-list"
          row={(x) => ({
            key: x.id,
            'data-testid': 'target-row',
            'data-id': x.id,
            'data-code': x.indicator_code,
          })}
          columns={[
            {
              label: t('rep.indicator'),
              cell: (x) => (
                <a href={href('indicators', x.indicator_code)}>
                  <bdi>{indicatorName(lib, x.indicator_code)}</bdi>
                </a>
              ),
            },
            { label: t('rep.area'), cell: (x) => <bdi>{x.area_name}</bdi> },
            { label: t('rep.period'), cell: (x) => periodLabel(x.period) },
            {
              label: t('tgt.disaggregation'),
              cell: (x) => <bdi dir="ltr">{x.disaggregation || t('tgt.total')}</bdi>,
            },
            {
              label: t('tgt.value'),
              cell: (x) => fmt(x.value, unitOf(lib, x.indicator_code)),
              td: () => ({ 'data-testid': 'target-value' }),
            },
            rights.targets && {
              label: <span class="sr-only">{t('common.delete')}</span>,
              cell: (x) =>
                confirming === x.id ? (
                  <span class="row-actions">
                    <button
                      type="button"
                      class="danger small-button"
                      data-testid="target-delete-confirm"
                      onClick={() => remove(x)}
                    >
                      {t('common.confirm')}
                    </button>
                    <button type="button" class="link" onClick={() => setConfirming(null)}>
                      {t('common.cancel')}
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    class="link"
                    data-testid="target-delete"
                    onClick={() => setConfirming(x.id)}
                  >
                    {t('common.delete')}
                  </button>
                ),
            },
          ]}
        />
      </ListSection>
      {rights.targets && <TargetForm lib={lib} onSaved={() => reload()} />}
    </>
  );
}

function TargetForm({ lib, onSaved }: { lib: IndicatorDef[] | null; onSaved: () => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [area, setArea] = useState<PickedArea | null>(null);
  const [period, setPeriod] = useState(currentMonth());
  const [disaggregation, setDisaggregation] = useState('');
  const [value, setValue] = useState('');
  const w = useWrite();
  const { fields, setFields, busy } = w;
  const def = lib?.find((d) => d.code === code);

  async function save() {
    clearMessages();
    setFields({});
    await w.save(async () => {
      const n = Number(value.replace(',', '.'));
      // An empty value is left out: the server says it is required.
      await post<Target>('/targets', {
        indicator_code: code,
        area_id: area?.id ?? '',
        period,
        disaggregation: disaggregation.trim(),
        value: value.trim() === '' ? undefined : Number.isFinite(n) ? n : value,
      });
      showInfo(t('tgt.saved'));
      setValue('');
      onSaved();
    });
  }

  const known = ['indicator_code', 'area_id', 'period', 'disaggregation', 'value'];
  const dims = (def?.dims ?? []).filter((d) => d !== 'child_area' && d !== 'month');
  return (
    <section class="card" aria-labelledby="target-form-heading">
      <h2 id="target-form-heading">{t('tgt.set')}</h2>
      <p class="muted small">{t('tgt.setHelp')}</p>
      <Form class="form-narrow" data-testid="target-form" onSubmit={save}>
        <SelectField
          label={t('rep.indicator')}
          value={code}
          onChange={setCode}
          error={fields.indicator_code}
          testid="target-indicator"
          options={[
            { value: '', label: t('rep.choose') },
            ...(lib ?? []).map((d) => ({ value: d.code, label: indicatorName(lib, d.code) })),
          ]}
        />
        <AreaPicker
          label={t('rep.area')}
          value={area}
          onChange={setArea}
          error={fields.area_id}
          testid="target-area"
        />
        <PeriodPicker
          label={t('rep.period')}
          value={period}
          onChange={setPeriod}
          kinds={['month', 'quarter', 'half', 'year']}
          error={fields.period}
          testid="target-period"
        />
        <Field
          label={`${t('tgt.disaggregation')} ${t('common.optional')}`}
          value={disaggregation}
          onInput={setDisaggregation}
          dir="ltr"
          error={fields.disaggregation}
          testid="target-disaggregation"
          hint={
            dims.length > 0
              ? t('tgt.disaggregationHint', { dims: dims.join(', ') })
              : t('tgt.disaggregationNone')
          }
        />
        <Field
          type="number"
          inputMode="decimal"
          step="any"
          min={0}
          label={t('tgt.value')}
          value={value}
          onInput={setValue}
          error={fields.value}
          testid="target-value-input"
        />
        <OtherErrors fields={fields} shown={(k) => known.includes(k)} />
        <div class="actions separated">
          <button type="submit" class="primary" disabled={busy} data-testid="target-save">
            {t('tgt.save')}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function TargetImportPage() {
  const { t } = useI18n();
  return (
    <ImportPanel<ImportResult & { saved?: number }>
      endpoint="/targets/import"
      testid="target-import"
      back={{ href: href('targets'), label: t('tgt.title') }}
      current={t('tgt.import')}
      title={t('tgt.importTitle')}
      help={t('tgt.importHelp')}
      columns={{ names: COLUMNS, file: 'targets.csv' }}
      runLabel={t('tgt.load')}
      checked={(r) => t('tgt.importOk', { n: r.rows })}
      done={(r) => t('tgt.importDone', { n: r.saved ?? r.created ?? r.rows })}
    />
  );
}
