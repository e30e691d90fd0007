// Defining an indicator (M&E officers, administrators): a measure over one kind of record — the
// measures, fields, filters and disaggregations on offer come from GET /record-kinds — or the
// ratio of two indicators. The server checks the definition and names every bad field.
import { useEffect, useState } from 'preact/hooks';
import { patch, post } from '../../api';
import { Field, SelectField, TextAreaField } from '../../components/form_fields';
import { Form } from '../../components/form';
import { Crumbs, fieldBinder, useWrite } from '../../components/registry_bits';
import { languageName, useI18n } from '../../i18n';
import { cleanNames, Translations } from '../setup/template_parts';
import { clearMessages, showInfo } from '../../messages';
import { href, navigate } from '../../router';
import { OtherErrors } from '../fieldwork/common';
import { measureLabel } from './indicators';
import {
  dimLabel,
  indicatorName,
  loadLibrary,
  recordKindLabel,
  useLibrary,
  type IndicatorDef,
  type RecordKind,
} from './common';
import { useFetch } from '../../use_fetch';

const RATIO = 'ratio';

interface Form {
  code: string;
  name: string;
  names: Record<string, string>;
  description: string;
  source: string; // a record kind, or RATIO
  measure: string;
  field: string;
  filters: { field: string; values: string }[];
  dims: string[];
  numerator: string;
  denominator: string;
  scale: string;
}

const EMPTY: Form = {
  code: '',
  name: '',
  names: {},
  description: '',
  source: '',
  measure: '',
  field: '',
  filters: [],
  dims: ['child_area'],
  numerator: '',
  denominator: '',
  scale: '100',
};

function formOf(d: IndicatorDef): Form {
  return {
    code: d.code,
    name: d.name,
    names: { ...(d.names ?? {}) },
    description: d.description ?? '',
    source: d.measure === RATIO ? RATIO : (d.record ?? ''),
    measure: d.measure === RATIO ? '' : d.measure,
    field: d.field ?? '',
    filters: d.filters.map((f) => ({ field: f.field, values: f.values.join(', ') })),
    dims: d.dims,
    numerator: d.numerator ?? '',
    denominator: d.denominator ?? '',
    scale: String(d.scale),
  };
}

export function IndicatorFormPage({ code }: { code?: string }) {
  const { t } = useI18n();
  const lib = useLibrary();
  const [f, setF] = useState<Form>(EMPTY);
  const [version, setVersion] = useState<number | null>(null);
  const w = useWrite();
  const { fields, setFields, busy } = w;
  const set = (p: Partial<Form>) => setF((old) => ({ ...old, ...p }));
  const bind = fieldBinder(f, set, fields);

  const kinds = useFetch<{ items: RecordKind[] }>('/record-kinds').data?.items ?? null;

  // Editing: the form starts from the stored definition.
  useEffect(() => {
    if (!code || !lib || version !== null) return;
    const d = lib.find((x) => x.code === code);
    if (d) {
      setF(formOf(d));
      setVersion(d.version);
    }
  }, [code, lib]);

  const kind = kinds?.find((k) => k.code === f.source);
  const ratio = f.source === RATIO;
  const fieldsFor =
    f.measure === 'sum'
      ? (kind?.sum_fields ?? [])
      : f.measure === 'average'
        ? (kind?.average_fields ?? [])
        : [];
  const parts = (lib ?? []).filter((d) => d.measure !== RATIO && d.code !== f.code);
  // Disaggregations on offer: the kind's own, or those both parts of a ratio share; and sub-areas.
  const num = parts.find((d) => d.code === f.numerator);
  const den = parts.find((d) => d.code === f.denominator);
  const offered = [
    'child_area',
    ...(ratio
      ? num && den
        ? num.dims.filter((x) => den.dims.includes(x) && x !== 'child_area' && x !== 'month')
        : []
      : (kind?.dims ?? [])),
  ];

  async function save() {
    clearMessages();
    setFields({});
    const names = cleanNames(f.names);
    const body: Record<string, unknown> = {
      name: f.name.trim(),
      names,
      description: f.description.trim(),
      record: ratio ? null : f.source || null,
      measure: ratio ? RATIO : f.measure,
      field: !ratio && fieldsFor.length > 0 ? f.field || null : null,
      numerator: ratio ? f.numerator || null : null,
      denominator: ratio ? f.denominator || null : null,
      scale: ratio ? Number(f.scale.replace(',', '.')) : 1,
      filters: ratio
        ? []
        : f.filters.map((x) => ({
            field: x.field,
            values: x.values
              .split(',')
              .map((v) => v.trim())
              .filter(Boolean),
          })),
      dims: f.dims.filter((d) => offered.includes(d) || d === 'month'),
    };
    await w.save(async () => {
      let saved: IndicatorDef;
      if (code && version !== null) {
        saved = await patch<IndicatorDef>(`/indicators/${encodeURIComponent(code)}`, {
          ...body,
          version,
        });
      } else {
        saved = await post<IndicatorDef>('/indicators', {
          ...body,
          code: f.code.trim().toUpperCase(),
        });
      }
      await loadLibrary(true);
      showInfo(code ? t('common.saved') : t('common.created'));
      navigate('indicators', saved.code);
    });
  }

  const title = code ? t('ind.editTitle', { name: indicatorName(lib, code) }) : t('ind.new');
  const known = [
    'code',
    'name',
    'description',
    'record',
    'measure',
    'field',
    'numerator',
    'denominator',
    'scale',
    'filters',
    'dims',
  ];
  const shown = (k: string) =>
    known.includes(k) || /^filters\[\d+\]/.test(k) || /^dims\[\d+\]/.test(k);
  const dimErrors = Object.entries(fields).filter(([k]) => k === 'dims' || k.startsWith('dims['));
  return (
    <section class="card" aria-labelledby="ind-form-heading">
      <Crumbs items={[{ href: href('indicators'), label: t('ind.title') }]} current={title} />
      <h1 id="ind-form-heading">
        <bdi>{title}</bdi>
      </h1>
      <Form class="form-narrow" data-testid="indicator-form" onSubmit={save}>
        {!code && (
          <Field
            label={t('ind.code')}
            {...bind('code')}
            dir="ltr"
            testid="ind-code"
            hint={t('ind.codeHint')}
          />
        )}
        <Field label={t('ind.nameEn')} {...bind('name')} dir="auto" testid="ind-name" />
        <div class="form-row">
          <Translations
            label={(l) => t('ind.nameIn', { language: languageName(l) })}
            names={f.names}
            onChange={(names) => set({ names })}
            error={(l) => fields['names.' + l]}
            testid="ind-name"
          />
        </div>
        <TextAreaField
          label={`${t('ind.description')} ${t('common.optional')}`}
          value={f.description}
          onInput={(v) => set({ description: v })}
          error={fields.description}
          testid="ind-description"
        />

        <SelectField
          label={t('ind.counts')}
          value={f.source}
          error={fields.record}
          testid="ind-record"
          onChange={(source) =>
            set({ source, measure: '', field: '', filters: [], dims: ['child_area'] })
          }
          options={[
            { value: '', label: t('rep.choose') },
            ...(kinds ?? []).map((k) => ({ value: k.code, label: recordKindLabel(k.code) })),
            { value: RATIO, label: t('ind.ratioOf') },
          ]}
        />

        {kind && (
          <>
            <p class="hint" data-testid="ind-kind-note">
              {kind.stock ? t('ind.stockNote') : t('ind.flowNote')}
            </p>
            <div class="form-row">
              <SelectField
                label={t('ind.measure')}
                value={f.measure}
                onChange={(measure) => set({ measure, field: '' })}
                error={fields.measure}
                testid="ind-measure"
                options={[
                  { value: '', label: t('rep.choose') },
                  ...kind.measures.map((m) => ({ value: m, label: measureLabel(m, t) })),
                ]}
              />
              {fieldsFor.length > 0 && (
                <SelectField
                  label={t('ind.field')}
                  value={f.field}
                  onChange={(field) => set({ field })}
                  error={fields.field}
                  testid="ind-field"
                  options={[
                    { value: '', label: t('rep.choose') },
                    ...fieldsFor.map((x) => ({ value: x, label: x })),
                  ]}
                />
              )}
            </div>
            <fieldset data-testid="ind-filters">
              <legend>{t('ind.filters')}</legend>
              {f.filters.length === 0 && <p class="muted small">{t('ind.filtersNone')}</p>}
              {f.filters.map((x, i) => {
                const ff = kind.filters.find((k) => k.name === x.field);
                const setRow = (p: Partial<Form['filters'][number]>) =>
                  set({ filters: f.filters.map((y, n) => (n === i ? { ...y, ...p } : y)) });
                return (
                  <div key={i} class="filter-row" data-testid="ind-filter-row">
                    <SelectField
                      label={t('ind.filterField')}
                      value={x.field}
                      error={fields[`filters[${i}].field`]}
                      testid={`ind-filter-${i}-field`}
                      onChange={(field) =>
                        setRow({
                          field,
                          values: kind.filters.find((k) => k.name === field)?.boolean ? 'true' : '',
                        })
                      }
                      options={[
                        { value: '', label: t('rep.choose') },
                        ...kind.filters.map((k) => ({ value: k.name, label: dimLabel(k.name) })),
                      ]}
                    />
                    {ff?.boolean ? (
                      <SelectField
                        label={t('ind.filterValue')}
                        value={x.values}
                        onChange={(values) => setRow({ values })}
                        error={fields[`filters[${i}].values`]}
                        testid={`ind-filter-${i}-values`}
                        options={[
                          { value: 'true', label: t('ind.yes') },
                          { value: 'false', label: t('ind.no') },
                        ]}
                      />
                    ) : (
                      <Field
                        label={t('ind.filterValues')}
                        value={x.values}
                        onInput={(values) => setRow({ values })}
                        dir="ltr"
                        error={fields[`filters[${i}].values`]}
                        testid={`ind-filter-${i}-values`}
                        hint={t('ind.filterValuesHint')}
                      />
                    )}
                    <button
                      type="button"
                      class="link"
                      data-testid={`ind-filter-${i}-remove`}
                      onClick={() => set({ filters: f.filters.filter((_, n) => n !== i) })}
                    >
                      {t('ind.removeFilter')}
                    </button>
                  </div>
                );
              })}
              {fields.filters && <p class="field-error">{fields.filters}</p>}
              <button
                type="button"
                class="secondary"
                data-testid="ind-filter-add"
                onClick={() => set({ filters: [...f.filters, { field: '', values: '' }] })}
              >
                {t('ind.addFilter')}
              </button>
            </fieldset>
          </>
        )}

        {ratio && (
          <>
            <div class="form-row">
              <SelectField
                label={t('ind.numerator')}
                value={f.numerator}
                onChange={(numerator) => set({ numerator })}
                error={fields.numerator}
                testid="ind-numerator"
                options={[
                  { value: '', label: t('rep.choose') },
                  ...parts.map((d) => ({ value: d.code, label: indicatorName(lib, d.code) })),
                ]}
              />
              <SelectField
                label={t('ind.denominator')}
                value={f.denominator}
                onChange={(denominator) => set({ denominator })}
                error={fields.denominator}
                testid="ind-denominator"
                options={[
                  { value: '', label: t('rep.choose') },
                  ...parts.map((d) => ({ value: d.code, label: indicatorName(lib, d.code) })),
                ]}
              />
            </div>
            <Field
              type="number"
              inputMode="decimal"
              step="any"
              label={t('ind.scale')}
              {...bind('scale')}
              testid="ind-scale"
              hint={t('ind.scaleHint')}
            />
          </>
        )}

        {(kind || ratio) && (
          <fieldset data-testid="ind-dims">
            <legend>{t('ind.dims')}</legend>
            <div class="chips">
              {offered.map((d) => (
                <label key={d} class="chip">
                  <input
                    type="checkbox"
                    checked={f.dims.includes(d)}
                    data-testid={'ind-dim-' + d}
                    onChange={(e) =>
                      set({
                        dims: (e.currentTarget as HTMLInputElement).checked
                          ? [...f.dims, d]
                          : f.dims.filter((x) => x !== d),
                      })
                    }
                  />
                  {dimLabel(d)}
                </label>
              ))}
            </div>
            {dimErrors.map(([k, v]) => (
              <p key={k} class="field-error">
                {v}
              </p>
            ))}
          </fieldset>
        )}

        <OtherErrors fields={fields} shown={shown} />
        <div class="actions separated">
          <button type="submit" class="primary" disabled={busy} data-testid="ind-save">
            {code ? t('common.save') : t('ind.create')}
          </button>
          <a class="button secondary" href={code ? href('indicators', code) : href('indicators')}>
            {t('common.cancel')}
          </a>
        </div>
      </Form>
    </section>
  );
}
