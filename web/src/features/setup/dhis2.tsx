// The DHIS2 mapping (GET|PUT /dhis2-mapping): the org unit of each area, the data element (and
// category option combo) of each indicator and disaggregation, and the DHIS2 category codes of
// disaggregation values for ADX. Areas are chosen with the area picker and indicators from the
// library by name. A check lists which indicators of a chosen report template have no data
// element yet. The whole mapping is saved at once; the server's errors show on their rows.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get, request } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Field, SelectField } from '../../components/form_fields';
import { Form, SaveRow } from '../../components/form';
import { StackTable } from '../../components/lists';
import { Ltr, useWrite } from '../../components/registry_bits';
import { SearchPicker } from '../../components/search_picker';
import { useI18n } from '../../i18n';
import { clearMessages, showInfo } from '../../messages';
import { num } from '../../registry_data';
import type { Area } from '../../types';
import { useFetch } from '../../use_fetch';
import { OtherErrors } from '../fieldwork/common';
import {
  dimLabel,
  indicatorName,
  indicatorOptions,
  templateLabel,
  useLibrary,
  type IndicatorDef,
} from '../reports/common';
import { useTemplates } from '../reports/reports_list';
import { ReadOnlyNote, SetupCrumbs, useProgrammeAdmin } from './common';
import { itemDims } from './templates';

interface Dhis2Config {
  org_units: { area_id: string; org_unit: string }[];
  mappings: {
    indicator_code: string;
    disaggregation: string;
    data_element: string;
    category_option_combo: string;
  }[];
  categories: { dim: string; value: string; category: string; option_code: string }[];
}

interface UnitRow {
  key: number;
  area: PickedArea | null;
  org_unit: string;
}
interface MapRow {
  key: number;
  indicator_code: string;
  disaggregation: string;
  data_element: string;
  category_option_combo: string;
}
interface CatRow {
  key: number;
  dim: string;
  value: string;
  category: string;
  option_code: string;
}

interface Rows {
  units: UnitRow[];
  maps: MapRow[];
  cats: CatRow[];
}

const desktop = () => window.matchMedia('(min-width: 1000px)').matches;

let nextKey = 1;
const newKey = () => nextKey++;

// "sex = f ; age_band=18-59" -> "age_band=18-59;sex=f": the server's key has its pairs sorted
// by dimension, without spaces.
export function normaliseDisaggregation(text: string): string {
  return text
    .split(';')
    .map((p) =>
      p
        .split('=')
        .map((x) => x.trim())
        .join('='),
    )
    .filter(Boolean)
    .sort()
    .join(';');
}

async function rowsOf(c: Dhis2Config, known: Map<string, string>): Promise<Rows> {
  const missing = [...new Set(c.org_units.map((u) => u.area_id))].filter((id) => !known.has(id));
  await Promise.all(
    missing.map((id) =>
      get<Area>(`/areas/${encodeURIComponent(id)}`)
        .then((a) => known.set(id, a.name))
        .catch(() => known.set(id, '')),
    ),
  );
  return {
    // An area the user cannot see keeps an empty name (the read-only view says so).
    units: c.org_units.map((u) => ({
      key: newKey(),
      area: { id: u.area_id, name: known.get(u.area_id) ?? '' },
      org_unit: u.org_unit,
    })),
    maps: c.mappings.map((m) => ({ key: newKey(), ...m })),
    cats: c.categories.map((k) => ({ key: newKey(), ...k })),
  };
}

export function Dhis2Page() {
  const { t } = useI18n();
  const lib = useLibrary();
  const may = useProgrammeAdmin();
  const [rows, setRows] = useState<Rows | null>(null);
  const [dirty, setDirty] = useState(false);
  const w = useWrite();
  const { fields, setFields, busy } = w;
  const [names] = useState(() => new Map<string, string>());
  // A row added from the check: its data element field gets the focus.
  const [focus, setFocus] = useState<number | null>(null);

  useEffect(() => {
    if (focus === null) return;
    const input = document.querySelector<HTMLInputElement>(`[data-testid="d2-map-${focus}-de"]`);
    input?.scrollIntoView({ block: 'center' });
    input?.focus();
    setFocus(null);
  }, [focus]);

  useFetch<Rows>('/dhis2-mapping', {
    load: (path, signal) => get<Dhis2Config>(path, { signal }).then((c) => rowsOf(c, names)),
    onData: setRows,
  });

  if (!rows || !lib)
    return (
      <section class="card">
        <SetupCrumbs current={t('d2.title')} />
        <p class="muted">{t('common.loading')}</p>
      </section>
    );

  const change = (p: Partial<Rows>, keepErrors = true) => {
    setRows({ ...rows, ...p });
    setDirty(true);
    if (!keepErrors) setFields({});
  };

  async function save() {
    if (!rows) return;
    clearMessages();
    setFields({});
    const body: Dhis2Config = {
      org_units: rows.units.map((u) => ({
        area_id: u.area?.id ?? '',
        org_unit: u.org_unit.trim(),
      })),
      mappings: rows.maps.map((m) => ({
        indicator_code: m.indicator_code,
        disaggregation: normaliseDisaggregation(m.disaggregation),
        data_element: m.data_element.trim(),
        category_option_combo: m.category_option_combo.trim(),
      })),
      categories: rows.cats.map((k) => ({
        dim: k.dim,
        value: k.value.trim(),
        category: k.category.trim(),
        option_code: k.option_code.trim(),
      })),
    };
    await w.save(async () => {
      const saved = await request<Dhis2Config>('PUT', '/dhis2-mapping', body);
      for (const u of rows.units) if (u.area) names.set(u.area.id, u.area.name);
      setRows(await rowsOf(saved, names));
      setDirty(false);
      showInfo(t('d2.saved'));
    });
  }

  const err = (k: string) => fields[k];
  const shown = (k: string) =>
    /^(org_units|mappings|categories)\[\d+\]\.(area_id|org_unit|indicator_code|data_element|category_option_combo|disaggregation|dim|value|category|option_code)$/.test(
      k,
    );
  const allDims = [...new Set(lib.flatMap((d) => itemDims(d)))].sort();
  const mapIndicator = (code: string) => {
    change({
      maps: [
        ...rows.maps,
        {
          key: newKey(),
          indicator_code: code,
          disaggregation: '',
          data_element: '',
          category_option_combo: '',
        },
      ],
    });
    if (code) setFocus(rows.maps.length);
  };

  return (
    <>
      <section class="card" aria-labelledby="d2-heading" data-testid="dhis2">
        <SetupCrumbs current={t('d2.title')} />
        <h1 id="d2-heading">{t('d2.title')}</h1>
        <p class="muted">{t('d2.intro')}</p>
        {may === false && <ReadOnlyNote />}
      </section>
      <div class="d2-layout">
        <aside class="d2-aside">
          <Dhis2Check rows={rows} lib={lib} dirty={dirty} onMap={may ? mapIndicator : undefined} />
        </aside>
        <div class="d2-main">
          {may ? (
            <Form data-testid="dhis2-form" onSubmit={save}>
              <section class="card" aria-labelledby="d2-units-heading" data-testid="dhis2-units">
                <h2 id="d2-units-heading">{t('d2.units')}</h2>
                <p class="hint">{t('d2.unitsHelp')}</p>
                {rows.units.length === 0 && <p class="muted small">{t('d2.noUnits')}</p>}
                <RowList
                  rows={rows.units}
                  kind="unit"
                  legend={(n) => t('d2.unitN', { n })}
                  onRemove={(i) => change({ units: rows.units.filter((_, n) => n !== i) }, false)}
                  render={(u, i) => (
                    <div class="form-row">
                      <AreaPicker
                        label={t('rep.area')}
                        value={u.area}
                        testid={`d2-unit-${i}-area`}
                        error={err(`org_units[${i}].area_id`)}
                        onChange={(area) =>
                          change({
                            units: rows.units.map((x, n) => (n === i ? { ...x, area } : x)),
                          })
                        }
                      />
                      <Field
                        label={t('d2.orgUnit')}
                        value={u.org_unit}
                        dir="ltr"
                        testid={`d2-unit-${i}-code`}
                        error={err(`org_units[${i}].org_unit`)}
                        onInput={(org_unit) =>
                          change({
                            units: rows.units.map((x, n) => (n === i ? { ...x, org_unit } : x)),
                          })
                        }
                      />
                    </div>
                  )}
                />
                <button
                  type="button"
                  class="secondary"
                  data-testid="d2-unit-add"
                  onClick={() =>
                    change({ units: [...rows.units, { key: newKey(), area: null, org_unit: '' }] })
                  }
                >
                  {t('d2.addUnit')}
                </button>
              </section>

              <section class="card" aria-labelledby="d2-maps-heading" data-testid="dhis2-mappings">
                <h2 id="d2-maps-heading">{t('d2.mappings')}</h2>
                <p class="hint">{t('d2.mappingsHelp')}</p>
                {rows.maps.length === 0 && <p class="muted small">{t('d2.noMappings')}</p>}
                <RowList
                  rows={rows.maps}
                  kind="map"
                  legend={(n) => t('d2.mappingN', { n })}
                  attrs={(m) => ({ 'data-code': m.indicator_code })}
                  onRemove={(i) => change({ maps: rows.maps.filter((_, n) => n !== i) }, false)}
                  render={(m, i) => {
                    const d = lib.find((x) => x.code === m.indicator_code);
                    const dims = itemDims(d);
                    const set = (p: Partial<MapRow>) =>
                      change({ maps: rows.maps.map((x, n) => (n === i ? { ...x, ...p } : x)) });
                    return (
                      <>
                        <SearchPicker
                          label={t('rep.indicator')}
                          value={m.indicator_code}
                          options={indicatorOptions(lib)}
                          testid={`d2-map-${i}-indicator`}
                          placeholder={t('tpl.findIndicator')}
                          error={err(`mappings[${i}].indicator_code`)}
                          onChange={(indicator_code) => set({ indicator_code })}
                        />
                        <div class="form-row">
                          <Field
                            label={`${t('tgt.disaggregation')} ${t('common.optional')}`}
                            value={m.disaggregation}
                            dir="ltr"
                            testid={`d2-map-${i}-dis`}
                            error={err(`mappings[${i}].disaggregation`)}
                            onInput={(disaggregation) => set({ disaggregation })}
                            hint={
                              dims.length
                                ? t('d2.disHint', { dims: dims.join(', ') })
                                : t('tgt.disaggregationNone')
                            }
                          />
                          <Field
                            label={t('d2.dataElement')}
                            value={m.data_element}
                            dir="ltr"
                            testid={`d2-map-${i}-de`}
                            error={err(`mappings[${i}].data_element`)}
                            onInput={(data_element) => set({ data_element })}
                          />
                          <Field
                            label={`${t('d2.coc')} ${t('common.optional')}`}
                            value={m.category_option_combo}
                            dir="ltr"
                            testid={`d2-map-${i}-coc`}
                            error={err(`mappings[${i}].category_option_combo`)}
                            onInput={(category_option_combo) => set({ category_option_combo })}
                          />
                        </div>
                      </>
                    );
                  }}
                />
                <button
                  type="button"
                  class="secondary"
                  data-testid="d2-map-add"
                  onClick={() => mapIndicator('')}
                >
                  {t('d2.addMapping')}
                </button>
              </section>

              <section
                class="card"
                aria-labelledby="d2-cats-heading"
                data-testid="dhis2-categories"
              >
                <details open={rows.cats.length > 0}>
                  <summary>
                    <h2 id="d2-cats-heading" class="inline-heading">
                      {t('d2.categories')}
                    </h2>
                  </summary>
                  <p class="hint">{t('d2.categoriesHelp')}</p>
                  <RowList
                    rows={rows.cats}
                    kind="cat"
                    legend={(n) => t('d2.categoryN', { n })}
                    onRemove={(i) => change({ cats: rows.cats.filter((_, n) => n !== i) }, false)}
                    render={(k, i) => {
                      const set = (p: Partial<CatRow>) =>
                        change({ cats: rows.cats.map((x, n) => (n === i ? { ...x, ...p } : x)) });
                      return (
                        <div class="form-row">
                          <SelectField
                            label={t('d2.dim')}
                            value={k.dim}
                            testid={`d2-cat-${i}-dim`}
                            error={err(`categories[${i}].dim`)}
                            onChange={(dim) => set({ dim })}
                            options={[
                              { value: '', label: t('rep.choose') },
                              ...allDims.map((x) => ({ value: x, label: dimLabel(x) })),
                            ]}
                          />
                          <Field
                            label={t('d2.value')}
                            value={k.value}
                            dir="ltr"
                            testid={`d2-cat-${i}-value`}
                            error={err(`categories[${i}].value`)}
                            onInput={(value) => set({ value })}
                          />
                          <Field
                            label={t('d2.category')}
                            value={k.category}
                            dir="ltr"
                            testid={`d2-cat-${i}-category`}
                            error={err(`categories[${i}].category`)}
                            onInput={(category) => set({ category })}
                          />
                          <Field
                            label={t('d2.optionCode')}
                            value={k.option_code}
                            dir="ltr"
                            testid={`d2-cat-${i}-option`}
                            error={err(`categories[${i}].option_code`)}
                            onInput={(option_code) => set({ option_code })}
                          />
                        </div>
                      );
                    }}
                  />
                  <button
                    type="button"
                    class="secondary"
                    data-testid="d2-cat-add"
                    onClick={() =>
                      change({
                        cats: [
                          ...rows.cats,
                          { key: newKey(), dim: '', value: '', category: '', option_code: '' },
                        ],
                      })
                    }
                  >
                    {t('d2.addCategory')}
                  </button>
                </details>
              </section>

              <section class={dirty ? 'card save-bar dirty' : 'card save-bar'}>
                <OtherErrors fields={fields} shown={shown} />
                <SaveRow
                  class="actions"
                  name="dhis2"
                  label={t('d2.save')}
                  busy={busy}
                  dirty={dirty}
                />
              </section>
            </Form>
          ) : (
            <Dhis2View rows={rows} lib={lib} />
          )}
        </div>
      </div>
    </>
  );
}

// The rows of one part of the mapping, each a numbered fieldset (`d2-<kind>-row`) with its
// remove button (`d2-<kind>-<i>-remove`).
function RowList<T extends { key: number }>(p: {
  rows: T[];
  kind: string;
  legend: (n: string) => string;
  attrs?: (row: T) => Record<string, string>;
  onRemove: (i: number) => void;
  render: (row: T, i: number) => ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <>
      {p.rows.map((r, i) => (
        <fieldset
          key={r.key}
          class="map-row"
          data-testid={`d2-${p.kind}-row`}
          data-index={i}
          {...p.attrs?.(r)}
        >
          <legend>{p.legend(num(i + 1))}</legend>
          {p.render(r, i)}
          <button
            type="button"
            class="link"
            data-testid={`d2-${p.kind}-${i}-remove`}
            onClick={() => p.onRemove(i)}
          >
            {t('d2.remove')}
          </button>
        </fieldset>
      ))}
    </>
  );
}

// Which indicators of a template have no data element for their total (the figure a DHIS2
// export always sends), as the mapping stands in the editor.
function Dhis2Check({
  rows,
  lib,
  dirty,
  onMap,
}: {
  rows: Rows;
  lib: IndicatorDef[];
  dirty: boolean;
  onMap?: (code: string) => void;
}) {
  const { t } = useI18n();
  const templates = useTemplates();
  const [code, setCode] = useState('MPR');
  const tpl = templates?.find((x) => x.code === code);
  const codes = [
    ...new Set(
      [...(tpl?.items ?? [])].sort((a, b) => a.position - b.position).map((i) => i.indicator_code),
    ),
  ];
  const totalOf = (c: string) =>
    rows.maps.find(
      (m) =>
        m.indicator_code === c &&
        normaliseDisaggregation(m.disaggregation) === '' &&
        m.data_element.trim(),
    );
  const groupsOf = (c: string) =>
    rows.maps.filter(
      (m) =>
        m.indicator_code === c &&
        normaliseDisaggregation(m.disaggregation) !== '' &&
        m.data_element.trim(),
    ).length;
  const unmapped = codes.filter((c) => !totalOf(c));
  return (
    <section class="card" aria-labelledby="d2-check-heading" data-testid="dhis2-check">
      <h2 id="d2-check-heading">{t('d2.check')}</h2>
      <SelectField
        label={t('rep.template')}
        value={code}
        onChange={setCode}
        testid="d2-check-template"
        options={(templates ?? []).map((x) => ({
          value: x.code,
          label: templateLabel(x.code, x.name, x.names),
        }))}
      />
      {tpl && (
        <>
          <p
            class={unmapped.length ? 'notice warn' : 'notice ok'}
            data-testid="d2-check-summary"
            data-unmapped={unmapped.length}
          >
            {unmapped.length
              ? t('d2.unmappedCount', { n: unmapped.length, total: num(codes.length) })
              : t('d2.allMapped')}
            {dirty && <> {t('d2.asEdited')}</>}
          </p>
          <details class="d2-check-details" open={desktop()} data-testid="d2-check-details">
            <summary data-testid="d2-check-toggle">
              {t('d2.checkList', { n: codes.length })}
            </summary>
            <ul class="record-list" data-testid="d2-check-list">
              {codes.map((c) => {
                const total = totalOf(c);
                const groups = groupsOf(c);
                return (
                  <li
                    key={c}
                    data-testid="d2-check-row"
                    data-code={c}
                    data-mapped={total ? 'true' : 'false'}
                  >
                    <span class="record-link plain">
                      <span class="record-title">
                        <bdi>{indicatorName(lib, c)}</bdi>
                      </span>
                      <span class="record-meta">
                        {total ? (
                          <>
                            {t('d2.mappedTo')} <Ltr>{total.data_element}</Ltr>
                          </>
                        ) : (
                          t('d2.notMapped')
                        )}
                        {groups > 0 && <> · {t('d2.groups', { n: groups })}</>}
                      </span>
                    </span>
                    {total ? (
                      <span class="badge on">{t('d2.mapped')}</span>
                    ) : onMap ? (
                      <button
                        type="button"
                        class="secondary small-button"
                        data-testid="d2-check-map"
                        onClick={() => onMap(c)}
                      >
                        {t('d2.mapIt')}
                      </button>
                    ) : (
                      <span class="badge off">{t('d2.notMappedShort')}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}

function Dhis2View({ rows, lib }: { rows: Rows; lib: IndicatorDef[] }) {
  const { t } = useI18n();
  const ltr = (text: string) => <Ltr>{text}</Ltr>;
  return (
    <section class="card" data-testid="dhis2-view">
      <h2>{t('d2.units')}</h2>
      {rows.units.length === 0 ? (
        <p class="muted small">{t('d2.noUnits')}</p>
      ) : (
        <StackTable
          rows={rows.units}
          row={(u) => ({ key: u.key, 'data-testid': 'd2-unit-view' })}
          columns={[
            {
              label: t('rep.area'),
              cell: (u) =>
                u.area?.name ? (
                  <bdi>{u.area.name}</bdi>
                ) : (
                  <span class="muted">{t('d2.otherArea')}</span>
                ),
            },
            { label: t('d2.orgUnit'), cell: (u) => ltr(u.org_unit) },
          ]}
        />
      )}
      <h2>{t('d2.mappings')}</h2>
      {rows.maps.length === 0 ? (
        <p class="muted small">{t('d2.noMappings')}</p>
      ) : (
        <StackTable
          rows={rows.maps}
          row={(m) => ({ key: m.key, 'data-testid': 'd2-map-view', 'data-code': m.indicator_code })}
          columns={[
            {
              label: t('rep.indicator'),
              cell: (m) => <bdi>{indicatorName(lib, m.indicator_code)}</bdi>,
            },
            {
              label: t('tgt.disaggregation'),
              cell: (m) => ltr(m.disaggregation || t('tgt.total')),
            },
            { label: t('d2.dataElement'), cell: (m) => ltr(m.data_element) },
            { label: t('d2.coc'), cell: (m) => ltr(m.category_option_combo) },
          ]}
        />
      )}
      {rows.cats.length > 0 && (
        <>
          <h2>{t('d2.categories')}</h2>
          <StackTable
            rows={rows.cats}
            row={(k) => ({ key: k.key })}
            columns={[
              { label: t('d2.dim'), cell: (k) => dimLabel(k.dim) },
              { label: t('d2.value'), cell: (k) => ltr(k.value) },
              { label: t('d2.category'), cell: (k) => ltr(k.category) },
              { label: t('d2.optionCode'), cell: (k) => ltr(k.option_code) },
            ]}
          />
        </>
      )}
    </section>
  );
}
