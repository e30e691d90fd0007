// Report templates (GET /report-templates, PUT /report-templates/{code}): the list, and the
// editor of one template's sections and their indicators. Indicators are picked from the library
// by name; each may be broken down by up to two of its disaggregations (every indicator also gets
// the sub-area breakdown). Sections and indicators move up and down; a template can start from a
// copy of another. The server checks the whole template and names each bad item; the error shows
// beside that section or indicator.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, request } from '../api';
import { SelectField, Field } from '../components/field';
import { SearchPicker } from '../components/search_picker';
import { type MessageKey, useI18n } from '../i18n';
import { clearMessages, showError, showInfo } from '../messages';
import { href } from '../router';
import { num } from '../registry_data';
import type { User } from '../types';
import { OtherErrors } from './field_bits';
import {
  dimLabel, indicatorName, indicatorOptions, sectionLabel, templateLabel, useLibrary, type IndicatorDef, type ReportTemplate,
} from './reports_bits';
import { templatesStore, useTemplates } from './reports_list';
import { ReadOnlyNote, SetupCrumbs, useProgrammeAdmin } from './setup_bits';

const MAX_BY = 2;

interface Item {
  key: number;
  indicator_code: string;
  by: string[];
}

interface Section {
  key: number;
  title: string;
  items: Item[];
}

let nextKey = 1;
const newKey = () => nextKey++;

// Consecutive items with one title make a section, as the server groups them in a report.
export function sectionsOf(tpl: ReportTemplate): Section[] {
  const out: Section[] = [];
  const items = [...tpl.items].sort((a, b) => a.position - b.position);
  for (const i of items) {
    if (out.length === 0 || out[out.length - 1].title !== i.section) out.push({ key: newKey(), title: i.section, items: [] });
    out[out.length - 1].items.push({ key: newKey(), indicator_code: i.indicator_code, by: [...i.by] });
  }
  return out;
}

// The body of the PUT, and where each of its items sits in the editor (for the server's errors,
// which name items[n]). Empty sections are left out.
function flatten(sections: Section[]): { body: { section: string; indicator_code: string; by: string[] }[]; at: [number, number][] } {
  const body: { section: string; indicator_code: string; by: string[] }[] = [];
  const at: [number, number][] = [];
  sections.forEach((s, si) => s.items.forEach((i, ii) => {
    body.push({ section: s.title.trim(), indicator_code: i.indicator_code, by: i.by });
    at.push([si, ii]);
  }));
  return { body, at };
}

// Disaggregations a template item may ask for: the indicator's own, except the sub-areas (every
// item has them) and months.
export const itemDims = (d: IndicatorDef | undefined) => (d?.dims ?? []).filter((x) => x !== 'child_area' && x !== 'month');

const periodKindLabel = (k: string, t: ReturnType<typeof useI18n>['t']) => t(('rep.period.kind.' + k) as MessageKey);

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const out = [...list];
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x);
  return out;
}

export function TemplatesPage() {
  const { t } = useI18n();
  const templates = useTemplates();
  return (
    <section class="card" aria-labelledby="templates-heading" data-testid="templates">
      <SetupCrumbs current={t('tpl.title')} />
      <h1 id="templates-heading">{t('tpl.title')}</h1>
      <p class="muted">{t('tpl.intro')}</p>
      {!templates ? (
        <p class="muted">{t('common.loading')}</p>
      ) : (
        <ul class="record-list" data-testid="templates-list">
          {templates.map((x) => {
            const sections = sectionsOf(x);
            return (
              <li key={x.code} data-testid="template-row" data-code={x.code}>
                <a class="record-link" href={href('setup', 'templates', x.code)}>
                  <span class="record-title">{templateLabel(x.code, x.name)}</span>
                  <span class="record-meta">
                    {periodKindLabel(x.period_kind, t)} · {t('tpl.sectionCount', { n: sections.length })} · {t('tpl.indicatorCount', { n: x.items.length })}
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function TemplateEditPage({ code, user }: { code: string; user: User }) {
  const { t } = useI18n();
  const templates = useTemplates();
  const lib = useLibrary();
  const may = useProgrammeAdmin(user);
  const tpl = templates?.find((x) => x.code === code);
  const [sections, setSections] = useState<Section[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [at, setAt] = useState<[number, number][]>([]);
  const [busy, setBusy] = useState(false);
  const [copyFrom, setCopyFrom] = useState('');
  const [adding, setAdding] = useState<number | null>(null);

  useEffect(() => {
    if (tpl && !sections) setSections(sectionsOf(tpl));
  }, [tpl]);

  if (!templates || !lib || may === null) return <section class="card"><p class="muted">{t('common.loading')}</p></section>;
  if (!tpl) return <section class="card"><SetupCrumbs current={code} /><p class="muted" data-testid="template-missing">{t('tpl.missing')}</p></section>;
  const name = templateLabel(tpl.code, tpl.name);
  if (!sections) return <section class="card"><p class="muted">{t('common.loading')}</p></section>;

  const change = (next: Section[]) => {
    setSections(next);
    setDirty(true);
  };
  // Moving, adding or removing shifts the positions the server's errors name: they go.
  const restructure = (next: Section[]) => {
    change(next);
    setFields({});
  };
  const setSection = (si: number, p: Partial<Section>) => change(sections.map((s, n) => (n === si ? { ...s, ...p } : s)));
  const setItems = (si: number, items: Item[]) => restructure(sections.map((s, n) => (n === si ? { ...s, items } : s)));
  const setBy = (si: number, ii: number, by: string[]) =>
    change(sections.map((s, n) => (n === si ? { ...s, items: s.items.map((x, m) => (m === ii ? { ...x, by } : x)) } : s)));

  // The server's errors, placed: items[n].section on its section, the others on the item.
  const sectionErrors = new Map<number, string>();
  const itemErrors = new Map<string, string[]>();
  const placed = new Set<string>();
  for (const [k, v] of Object.entries(fields)) {
    const m = /^items\[(\d+)\]\.(section|indicator_code|by)$/.exec(k);
    const pos = m ? at[Number(m[1])] : undefined;
    if (!m || !pos) continue;
    placed.add(k);
    if (m[2] === 'section') sectionErrors.set(pos[0], v);
    else itemErrors.set(`${pos[0]}:${pos[1]}`, [...(itemErrors.get(`${pos[0]}:${pos[1]}`) ?? []), v]);
  }

  async function save() {
    if (!sections) return;
    clearMessages();
    setFields({});
    setBusy(true);
    const flat = flatten(sections);
    setAt(flat.at);
    try {
      const saved = await request<ReportTemplate>('PUT', `/report-templates/${encodeURIComponent(code)}`, { items: flat.body });
      templatesStore.set((templatesStore.get() ?? []).map((x) => (x.code === saved.code ? saved : x)));
      setSections(sectionsOf(saved));
      setDirty(false);
      showInfo(t('tpl.saved', { name }));
    } catch (e) {
      if (e instanceof ApiError) setFields(e.fields);
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  function copy() {
    const other = templates?.find((x) => x.code === copyFrom);
    if (!other) return;
    restructure(sectionsOf(other));
    showInfo(t('tpl.copied', { from: templateLabel(other.code, other.name) }));
  }

  const count = sections.reduce((n, s) => n + s.items.length, 0);
  return (
    <section class="card" aria-labelledby="template-heading" data-testid="template" data-code={tpl.code}>
      <SetupCrumbs current={name} />
      <h1 id="template-heading">{name}</h1>
      <p class="badges">
        <span class="badge neutral">{periodKindLabel(tpl.period_kind, t)}</span>
        <span class="badge neutral">{t('tpl.indicatorCount', { n: count })}</span>
      </p>
      {may === false && <ReadOnlyNote />}
      {may ? (
        <form class="form-narrow" noValidate data-testid="template-form" onSubmit={(e) => { e.preventDefault(); save(); }}>
          <p class="hint">{t('tpl.editHelp')}</p>
          <div class="inline-add copy-from">
            <SelectField label={t('tpl.copyFrom')} value={copyFrom} onChange={setCopyFrom} testid="template-copy-from"
              options={[{ value: '', label: t('rep.choose') }, ...templates.filter((x) => x.code !== code).map((x) => ({ value: x.code, label: templateLabel(x.code, x.name) }))]} />
            <button type="button" class="secondary" disabled={!copyFrom} data-testid="template-copy" onClick={copy}>{t('tpl.copy')}</button>
          </div>
          <ol class="tpl-sections">
            {sections.map((s, si) => (
              <li key={s.key} class="tpl-section" data-testid="template-section" data-index={si}>
                <div class="tpl-head">
                  <h2 class="tpl-section-n">{t('tpl.sectionN', { n: num(si + 1) })}</h2>
                  <Tools testid={`tpl-section-${si}`} first={si === 0} last={si === sections.length - 1}
                    up={t('tpl.sectionUp')} down={t('tpl.sectionDown')} remove={t('tpl.removeSection')}
                    onMove={(by) => restructure(move(sections, si, si + by))}
                    onRemove={() => restructure(sections.filter((_, n) => n !== si))} />
                </div>
                <Field label={t('tpl.sectionTitle')} value={s.title} onInput={(title) => setSection(si, { title })} dir="auto"
                  error={sectionErrors.get(si)} testid={`tpl-section-${si}-title`}
                  hint={s.title && sectionLabel(s.title) !== s.title ? t('tpl.shownAs', { title: sectionLabel(s.title) }) : undefined} />
                {s.items.length === 0 && <p class="muted small" data-testid="tpl-section-empty">{t('tpl.emptySection')}</p>}
                <ol class="tpl-items" aria-label={t('tpl.indicatorsOf', { n: num(si + 1) })}>
                  {s.items.map((i, ii) => {
                    const d = lib.find((x) => x.code === i.indicator_code);
                    const dims = itemDims(d);
                    const errs = itemErrors.get(`${si}:${ii}`) ?? [];
                    const iname = indicatorName(lib, i.indicator_code);
                    return (
                      <li key={i.key} class={errs.length ? 'tpl-item field-invalid' : 'tpl-item'} data-testid="tpl-item" data-code={i.indicator_code}>
                        <div class="tpl-item-name"><bdi>{iname}</bdi></div>
                        <div class="tpl-head">
                          {dims.length > 0 ? (
                            <details class="tpl-by" open={errs.length > 0} data-testid={`tpl-item-${si}-${ii}-by`}>
                              <summary>{i.by.length ? t('rep.byDims', { dims: i.by.map(dimLabel).join(', ') }) : t('tpl.totalOnly')}</summary>
                              <fieldset class="tpl-dims">
                                <legend>{t('tpl.by')}</legend>
                                <div class="chips">
                                  {dims.map((dim) => {
                                    const on = i.by.includes(dim);
                                    return (
                                      <label key={dim} class="chip">
                                        <input type="checkbox" checked={on} disabled={!on && i.by.length >= MAX_BY} data-testid={`tpl-item-${si}-${ii}-by-${dim}`}
                                          onChange={() => setBy(si, ii, on ? i.by.filter((y) => y !== dim) : [...i.by, dim])} />
                                        {dimLabel(dim)}
                                      </label>
                                    );
                                  })}
                                </div>
                              </fieldset>
                            </details>
                          ) : (
                            <p class="muted small tpl-by">{t('tpl.noDims')}</p>
                          )}
                          <Tools testid={`tpl-item-${si}-${ii}`} first={ii === 0} last={ii === s.items.length - 1}
                            up={t('tpl.upNamed', { name: iname })} down={t('tpl.downNamed', { name: iname })} remove={t('tpl.removeNamed', { name: iname })}
                            onMove={(by) => setItems(si, move(s.items, ii, ii + by))}
                            onRemove={() => setItems(si, s.items.filter((_, n) => n !== ii))} />
                        </div>
                        {errs.map((e) => <p key={e} class="field-error" data-testid={`tpl-item-${si}-${ii}-error`}>{e}</p>)}
                      </li>
                    );
                  })}
                </ol>
                {adding === s.key ? (
                  <SearchPicker label={t('tpl.addIndicator')} value="" open testid={`tpl-section-${si}-pick`}
                    placeholder={t('tpl.findIndicator')}
                    options={indicatorOptions(lib).filter((o) => !s.items.some((x) => x.indicator_code === o.value))}
                    onCancel={() => setAdding(null)}
                    onChange={(c) => {
                      setItems(si, [...s.items, { key: newKey(), indicator_code: c, by: [] }]);
                      setAdding(null);
                    }} />
                ) : (
                  <button type="button" class="secondary small-button" data-testid={`tpl-section-${si}-add`} onClick={() => setAdding(s.key)}>{t('tpl.addIndicator')}</button>
                )}
              </li>
            ))}
          </ol>
          <button type="button" class="secondary" data-testid="tpl-add-section"
            onClick={() => restructure([...sections, { key: newKey(), title: '', items: [] }])}>{t('tpl.addSection')}</button>
          {fields.items && <p class="field-error" data-testid="tpl-items-error">{fields.items}</p>}
          <OtherErrors fields={fields} shown={(k) => k === 'items' || placed.has(k)} />
          <div class="actions separated">
            <button type="submit" class="primary" disabled={busy || !dirty} data-testid="template-save">{t('tpl.save')}</button>
            {dirty && (
              <>
                <button type="button" class="secondary" data-testid="template-undo" onClick={() => { setSections(sectionsOf(tpl)); setDirty(false); setFields({}); }}>{t('set.undo')}</button>
                <span class="muted small" data-testid="template-unsaved">{t('rep.unsaved')}</span>
              </>
            )}
          </div>
        </form>
      ) : (
        <TemplateView sections={sections} lib={lib} />
      )}
    </section>
  );
}

// Move up, move down and remove: small buttons named in full for screen readers and tooltips.
function Tools(p: { testid: string; first: boolean; last: boolean; up: string; down: string; remove: string; onMove: (by: number) => void; onRemove: () => void }) {
  return (
    <span class="tpl-tools">
      <button type="button" class="secondary icon-button" disabled={p.first} aria-label={p.up} title={p.up} data-testid={p.testid + '-up'} onClick={() => p.onMove(-1)}>
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" class="secondary icon-button" disabled={p.last} aria-label={p.down} title={p.down} data-testid={p.testid + '-down'} onClick={() => p.onMove(1)}>
        <span aria-hidden="true">↓</span>
      </button>
      <button type="button" class="danger icon-button" aria-label={p.remove} title={p.remove} data-testid={p.testid + '-remove'} onClick={p.onRemove}>
        <span aria-hidden="true">✕</span>
      </button>
    </span>
  );
}

function TemplateView({ sections, lib }: { sections: Section[]; lib: IndicatorDef[] }) {
  const { t } = useI18n();
  return (
    <div data-testid="template-view">
      {sections.map((s) => (
        <section key={s.key} data-testid="template-section">
          <h2><bdi>{sectionLabel(s.title)}</bdi></h2>
          <ol class="plain-list">
            {s.items.map((i) => (
              <li key={i.key} data-testid="tpl-item" data-code={i.indicator_code}>
                <bdi>{indicatorName(lib, i.indicator_code)}</bdi>
                {i.by.length > 0 && <span class="muted small"> · {t('rep.byDims', { dims: i.by.map(dimLabel).join(', ') })}</span>}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
