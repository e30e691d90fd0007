// Report templates (GET|POST /report-templates, PUT|DELETE /report-templates/{code}): the list,
// a new template (code, name, period kind), and the editor of one template: its name, its
// sections and their indicators, and the name and section titles in the app's other languages.
// Indicators are picked from the library by name; each may be broken down by up to two of its
// disaggregations (every indicator also gets the sub-area breakdown). Sections and indicators
// move up and down; a template can start from a copy of another. The server checks the whole
// template and names each bad field; the error shows beside it. A template no report was made
// from, other than the shipped four, can be deleted.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, request } from '../../api';
import { ConfirmBox } from '../../components/confirm_box';
import { Field, SelectField } from '../../components/form_fields';
import { Form, SaveRow } from '../../components/form';
import { SearchPicker } from '../../components/search_picker';
import { LANGUAGES, languageName, type MessageKey, useI18n } from '../../i18n';
import { clearMessages, showError, showInfo } from '../../messages';
import { href, navigate } from '../../router';
import { num } from '../../registry_data';
import { OtherErrors } from '../fieldwork/common';
import {
  dimLabel,
  indicatorName,
  indicatorOptions,
  templateLabel,
  useLibrary,
  type IndicatorDef,
  type PeriodKind,
  type ReportTemplate,
} from '../reports/common';
import { templatesStore, useTemplates } from '../reports/reports_list';
import { ReadOnlyNote, SetupCrumbs, useProgrammeAdmin } from './common';
import {
  cleanNames,
  OTHER_LANGS,
  TemplateView,
  Tools,
  Translations,
  type Item,
  type Section,
} from './template_parts';
import { LoadingCard } from '../../components/loading_card';
import { fieldMessages } from '../../i18n/field_message';
import { useFieldErrors } from '../../components/field_focus';

const MAX_BY = 2;
const PERIOD_KINDS: PeriodKind[] = ['month', 'quarter', 'half', 'year'];

let nextKey = 1;
const newKey = () => nextKey++;

// Consecutive items with one title make a section, as the server groups them in a report.
export function sectionsOf(tpl: ReportTemplate): Section[] {
  const out: Section[] = [];
  const items = [...tpl.items].sort((a, b) => a.position - b.position);
  for (const i of items) {
    if (out.length === 0 || out[out.length - 1].title !== i.section) {
      const names = tpl.sections?.find((s) => s.title === i.section)?.names ?? {};
      out.push({ key: newKey(), title: i.section, names: { ...names }, items: [] });
    }
    out[out.length - 1].items.push({
      key: newKey(),
      indicator_code: i.indicator_code,
      by: [...i.by],
    });
  }
  return out;
}

// The code, name, period kind and name translations of the template being edited.
interface Head {
  code: string;
  name: string;
  period_kind: PeriodKind;
  names: Record<string, string>;
}

const headOf = (tpl: ReportTemplate): Head => ({
  code: tpl.code,
  name: tpl.name,
  period_kind: tpl.period_kind,
  names: { ...tpl.names },
});

// The body of the POST or PUT, and where each of its items and section translations sits in the
// editor (for the server's errors, which name items[n] and sections[n]). Empty sections are left
// out; a title's translations are sent once, from its first section.
function bodyOf(head: Head, sections: Section[], isNew: boolean) {
  const items: { section: string; indicator_code: string; by: string[] }[] = [];
  const at: [number, number][] = [];
  const titles: { title: string; names: Record<string, string> }[] = [];
  const titleAt: number[] = [];
  sections.forEach((s, si) => {
    const title = s.title.trim();
    s.items.forEach((i, ii) => {
      items.push({ section: title, indicator_code: i.indicator_code, by: i.by });
      at.push([si, ii]);
    });
    const names = cleanNames(s.names);
    if (
      s.items.length &&
      title &&
      Object.keys(names).length &&
      !titles.some((x) => x.title === title)
    ) {
      titles.push({ title, names });
      titleAt.push(si);
    }
  });
  const body = {
    ...(isNew ? { code: head.code.trim() } : {}),
    name: head.name.trim(),
    period_kind: head.period_kind,
    names: cleanNames(head.names),
    items,
    sections: titles,
  };
  return { body, at, titleAt };
}

// Disaggregations a template item may ask for: the indicator's own, except the sub-areas (every
// item has them) and months.
export const itemDims = (d: IndicatorDef | undefined) =>
  (d?.dims ?? []).filter((x) => x !== 'child_area' && x !== 'month');

const periodKindLabel = (k: string, t: ReturnType<typeof useI18n>['t']) =>
  t(('rep.period.kind.' + k) as MessageKey);

// The summary of a section's translations: the languages it has, or an offer to add them.
function translatedIn(names: Record<string, string>, t: ReturnType<typeof useI18n>['t']): string {
  const langs = LANGUAGES.filter((l) => l.code !== 'en' && names[l.code]?.trim()).map(
    (l) => l.name,
  );
  return langs.length
    ? t('tpl.translatedIn', { langs: langs.join(t('common.listSep')) })
    : t('tpl.addTranslations');
}

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
  const may = useProgrammeAdmin();
  return (
    <section class="card" aria-labelledby="templates-heading" data-testid="templates">
      <SetupCrumbs current={t('tpl.title')} />
      <div class="section-head">
        <h1 id="templates-heading">{t('tpl.title')}</h1>
        {may && (
          <a class="button primary" href={href('setup', 'new-template')} data-testid="template-new">
            {t('tpl.new')}
          </a>
        )}
      </div>
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
                  <span class="record-title">
                    <bdi>{templateLabel(x.code, x.name, x.names)}</bdi>
                  </span>
                  <span class="record-meta">
                    <bdi dir="ltr">{x.code}</bdi> · {periodKindLabel(x.period_kind, t)} ·{' '}
                    {t('tpl.sectionCount', { n: sections.length })} ·{' '}
                    {t('tpl.indicatorCount', { n: x.items.length })}
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

const BLANK: ReportTemplate = {
  code: '',
  name: '',
  names: {},
  period_kind: 'month',
  builtin: false,
  items: [],
  sections: [],
};

// `code` null: a new template.
export function TemplateEditPage({ code }: { code: string | null }) {
  const { t } = useI18n();
  const templates = useTemplates();
  const lib = useLibrary();
  const may = useProgrammeAdmin();
  const isNew = code === null;
  const tpl = isNew ? BLANK : templates?.find((x) => x.code === code);
  const [head, setHead] = useState<Head | null>(null);
  const [sections, setSections] = useState<Section[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const [fields, setFields] = useFieldErrors();
  const [at, setAt] = useState<[number, number][]>([]);
  const [titleAt, setTitleAt] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [copyFrom, setCopyFrom] = useState('');
  const [adding, setAdding] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (tpl && !sections) {
      setHead(headOf(tpl));
      setSections(isNew ? [{ key: newKey(), title: '', names: {}, items: [] }] : sectionsOf(tpl));
    }
  }, [tpl]);

  if (!templates || !lib) return <LoadingCard />;
  if (!tpl || (isNew && may === false)) {
    return (
      <section class="card">
        <SetupCrumbs current={code ?? t('tpl.new')} />
        <p class="muted" data-testid="template-missing">
          {t('tpl.missing')}
        </p>
      </section>
    );
  }
  const name = isNew ? t('tpl.new') : templateLabel(tpl.code, tpl.name, tpl.names);
  if (!sections || !head) return <LoadingCard />;

  const change = (next: Section[]) => {
    setSections(next);
    setDirty(true);
  };
  // Moving, adding or removing shifts the positions the server's errors name: they go.
  const restructure = (next: Section[]) => {
    change(next);
    setFields({});
  };
  const setHeadPart = (p: Partial<Head>) => {
    setHead({ ...head, ...p });
    setDirty(true);
  };
  const setSection = (si: number, p: Partial<Section>) =>
    change(sections.map((s, n) => (n === si ? { ...s, ...p } : s)));
  const setItems = (si: number, items: Item[]) =>
    restructure(sections.map((s, n) => (n === si ? { ...s, items } : s)));
  const setBy = (si: number, ii: number, by: string[]) =>
    change(
      sections.map((s, n) =>
        n === si ? { ...s, items: s.items.map((x, m) => (m === ii ? { ...x, by } : x)) } : s,
      ),
    );

  // The server's errors, placed: items[n].section on its section, sections[n].names.xx on that
  // section's translation, the others on the item; the template's own fields on theirs.
  const sectionErrors = new Map<number, string>();
  const nameErrors = new Map<string, string>();
  const itemErrors = new Map<string, string[]>();
  const placed = new Set<string>([
    'code',
    'name',
    'period_kind',
    'items',
    ...OTHER_LANGS.map((l) => 'names.' + l.code),
  ]);
  for (const [k, v] of Object.entries(fields)) {
    const n = /^sections\[(\d+)\]\.names\.([a-z]+)$/.exec(k);
    if (n && titleAt[Number(n[1])] !== undefined) {
      nameErrors.set(`${titleAt[Number(n[1])]}:${n[2]}`, v);
      placed.add(k);
      continue;
    }
    const m = /^items\[(\d+)\]\.(section|indicator_code|by)$/.exec(k);
    const pos = m ? at[Number(m[1])] : undefined;
    if (!m || !pos) continue;
    placed.add(k);
    if (m[2] === 'section') sectionErrors.set(pos[0], v);
    else
      itemErrors.set(`${pos[0]}:${pos[1]}`, [...(itemErrors.get(`${pos[0]}:${pos[1]}`) ?? []), v]);
  }

  async function save() {
    if (!sections || !head) return;
    clearMessages();
    setFields({});
    setBusy(true);
    const sent = bodyOf(head, sections, isNew);
    setAt(sent.at);
    setTitleAt(sent.titleAt);
    try {
      const saved = isNew
        ? await request<ReportTemplate>('POST', '/report-templates', sent.body)
        : await request<ReportTemplate>(
            'PUT',
            `/report-templates/${encodeURIComponent(tpl!.code)}`,
            sent.body,
          );
      const list = templatesStore.get() ?? [];
      templatesStore.set(
        isNew ? [...list, saved] : list.map((x) => (x.code === saved.code ? saved : x)),
      );
      setHead(headOf(saved));
      setSections(sectionsOf(saved));
      setDirty(false);
      showInfo(
        t(isNew ? 'tpl.created' : 'tpl.saved', {
          name: templateLabel(saved.code, saved.name, saved.names),
        }),
      );
      if (isNew) navigate('setup', 'templates', saved.code);
    } catch (e) {
      if (e instanceof ApiError) setFields(fieldMessages(e));
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    clearMessages();
    setBusy(true);
    try {
      await request<void>('DELETE', `/report-templates/${encodeURIComponent(tpl!.code)}`);
      templatesStore.set((templatesStore.get() ?? []).filter((x) => x.code !== tpl!.code));
      showInfo(t('tpl.deleted', { name }));
      navigate('setup', 'templates');
    } catch (e) {
      setConfirming(false);
      showError(
        e instanceof ApiError && e.status === 409
          ? t(tpl!.builtin ? 'tpl.deleteShipped' : 'tpl.deleteUsed')
          : e,
      );
    } finally {
      setBusy(false);
    }
  }

  function copy() {
    const other = templates?.find((x) => x.code === copyFrom);
    if (!other) return;
    restructure(sectionsOf(other));
    showInfo(t('tpl.copied', { from: templateLabel(other.code, other.name, other.names) }));
  }

  const count = sections.reduce((n, s) => n + s.items.length, 0);
  const others = templates.filter((x) => x.code !== code);
  return (
    <section
      class="card"
      aria-labelledby="template-heading"
      data-testid="template"
      data-code={tpl.code}
    >
      <SetupCrumbs current={name} />
      <h1 id="template-heading">
        <bdi>{name}</bdi>
      </h1>
      <p class="badges">
        {!isNew && (
          <span class="badge neutral">
            <bdi dir="ltr">{tpl.code}</bdi>
          </span>
        )}
        {!isNew && <span class="badge neutral">{periodKindLabel(tpl.period_kind, t)}</span>}
        <span class="badge neutral">{t('tpl.indicatorCount', { n: count })}</span>
      </p>
      {may === false && <ReadOnlyNote />}
      {may ? (
        <Form class="form-narrow" data-testid="template-form" onSubmit={save}>
          <fieldset class="tpl-about">
            <legend>{t('tpl.about')}</legend>
            {isNew && (
              <Field
                label={t('tpl.code')}
                value={head.code}
                onInput={(v) => setHeadPart({ code: v })}
                dir="ltr"
                error={fields.code}
                hint={t('tpl.codeHelp')}
                testid="template-code"
              />
            )}
            <Field
              label={t('tpl.name')}
              value={head.name}
              onInput={(v) => setHeadPart({ name: v })}
              dir="auto"
              error={fields.name}
              testid="template-name"
            />
            <SelectField
              label={t('tpl.periodKind')}
              value={head.period_kind}
              onChange={(v) => setHeadPart({ period_kind: v as PeriodKind })}
              error={fields.period_kind}
              testid="template-period-kind"
              options={PERIOD_KINDS.map((k) => ({ value: k, label: periodKindLabel(k, t) }))}
            />
            <Translations
              label={(l) => t('tpl.nameIn', { language: languageName(l) })}
              names={head.names}
              testid="template-name"
              onChange={(names) => setHeadPart({ names })}
              error={(l) => fields['names.' + l]}
            />
          </fieldset>
          <p class="hint">{t('tpl.editHelp')}</p>
          {others.length > 0 && (
            <div class="inline-add copy-from">
              <SelectField
                label={t('tpl.copyFrom')}
                value={copyFrom}
                onChange={setCopyFrom}
                testid="template-copy-from"
                options={[
                  { value: '', label: t('rep.choose') },
                  ...others.map((x) => ({
                    value: x.code,
                    label: templateLabel(x.code, x.name, x.names),
                  })),
                ]}
              />
              <button
                type="button"
                class="secondary"
                disabled={!copyFrom}
                data-testid="template-copy"
                onClick={copy}
              >
                {t('tpl.copy')}
              </button>
            </div>
          )}
          <ol class="tpl-sections">
            {sections.map((s, si) => (
              <li key={s.key} class="tpl-section" data-testid="template-section" data-index={si}>
                <div class="tpl-head">
                  <h2 class="tpl-section-n">{t('tpl.sectionN', { n: num(si + 1) })}</h2>
                  <Tools
                    testid={`tpl-section-${si}`}
                    first={si === 0}
                    last={si === sections.length - 1}
                    up={t('tpl.sectionUp')}
                    down={t('tpl.sectionDown')}
                    remove={t('tpl.removeSection')}
                    onMove={(by) => restructure(move(sections, si, si + by))}
                    onRemove={() => restructure(sections.filter((_, n) => n !== si))}
                  />
                </div>
                <Field
                  label={t('tpl.sectionTitle')}
                  value={s.title}
                  onInput={(title) => setSection(si, { title })}
                  dir="auto"
                  error={sectionErrors.get(si)}
                  testid={`tpl-section-${si}-title`}
                />
                <details
                  class="tpl-langs"
                  open={OTHER_LANGS.some((l) => nameErrors.has(`${si}:${l.code}`))}
                  data-testid={`tpl-section-${si}-langs`}
                >
                  <summary>{translatedIn(s.names, t)}</summary>
                  <Translations
                    label={(l) => t('tpl.titleIn', { language: languageName(l) })}
                    names={s.names}
                    testid={`tpl-section-${si}-title`}
                    onChange={(names) => setSection(si, { names })}
                    error={(l) => nameErrors.get(`${si}:${l}`)}
                  />
                </details>
                {s.items.length === 0 && (
                  <p class="muted small" data-testid="tpl-section-empty">
                    {t('tpl.emptySection')}
                  </p>
                )}
                <ol class="tpl-items" aria-label={t('tpl.indicatorsOf', { n: num(si + 1) })}>
                  {s.items.map((i, ii) => {
                    const d = lib.find((x) => x.code === i.indicator_code);
                    const dims = itemDims(d);
                    const errs = itemErrors.get(`${si}:${ii}`) ?? [];
                    const iname = indicatorName(lib, i.indicator_code);
                    return (
                      <li
                        key={i.key}
                        class={errs.length ? 'tpl-item field-invalid' : 'tpl-item'}
                        data-testid="tpl-item"
                        data-code={i.indicator_code}
                      >
                        <div class="tpl-item-name">
                          <bdi>{iname}</bdi>
                        </div>
                        <div class="tpl-head">
                          {dims.length > 0 ? (
                            <details
                              class="tpl-by"
                              open={errs.length > 0}
                              data-testid={`tpl-item-${si}-${ii}-by`}
                            >
                              <summary>
                                {i.by.length
                                  ? t('rep.byDims', {
                                      dims: i.by.map(dimLabel).join(t('common.listSep')),
                                    })
                                  : t('tpl.totalOnly')}
                              </summary>
                              <fieldset class="tpl-dims">
                                <legend>{t('tpl.by')}</legend>
                                <div class="chips">
                                  {dims.map((dim) => {
                                    const on = i.by.includes(dim);
                                    return (
                                      <label key={dim} class="chip">
                                        <input
                                          type="checkbox"
                                          checked={on}
                                          disabled={!on && i.by.length >= MAX_BY}
                                          data-testid={`tpl-item-${si}-${ii}-by-${dim}`}
                                          onChange={() =>
                                            setBy(
                                              si,
                                              ii,
                                              on ? i.by.filter((y) => y !== dim) : [...i.by, dim],
                                            )
                                          }
                                        />
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
                          <Tools
                            testid={`tpl-item-${si}-${ii}`}
                            first={ii === 0}
                            last={ii === s.items.length - 1}
                            up={t('tpl.upNamed', { name: iname })}
                            down={t('tpl.downNamed', { name: iname })}
                            remove={t('tpl.removeNamed', { name: iname })}
                            onMove={(by) => setItems(si, move(s.items, ii, ii + by))}
                            onRemove={() =>
                              setItems(
                                si,
                                s.items.filter((_, n) => n !== ii),
                              )
                            }
                          />
                        </div>
                        {errs.map((e) => (
                          <p key={e} class="field-error" data-testid={`tpl-item-${si}-${ii}-error`}>
                            {e}
                          </p>
                        ))}
                      </li>
                    );
                  })}
                </ol>
                {adding === s.key ? (
                  <SearchPicker
                    label={t('tpl.addIndicator')}
                    value=""
                    open
                    testid={`tpl-section-${si}-pick`}
                    placeholder={t('tpl.findIndicator')}
                    options={indicatorOptions(lib).filter(
                      (o) => !s.items.some((x) => x.indicator_code === o.value),
                    )}
                    onCancel={() => setAdding(null)}
                    onChange={(c) => {
                      setItems(si, [...s.items, { key: newKey(), indicator_code: c, by: [] }]);
                      setAdding(null);
                    }}
                  />
                ) : (
                  <button
                    type="button"
                    class="secondary small-button"
                    data-testid={`tpl-section-${si}-add`}
                    onClick={() => setAdding(s.key)}
                  >
                    {t('tpl.addIndicator')}
                  </button>
                )}
              </li>
            ))}
          </ol>
          <button
            type="button"
            class="secondary"
            data-testid="tpl-add-section"
            onClick={() =>
              restructure([...sections, { key: newKey(), title: '', names: {}, items: [] }])
            }
          >
            {t('tpl.addSection')}
          </button>
          {fields.items && (
            <p class="field-error" data-testid="tpl-items-error">
              {fields.items}
            </p>
          )}
          <OtherErrors fields={fields} shown={(k) => placed.has(k)} />
          <SaveRow
            name="template"
            label={t(isNew ? 'tpl.create' : 'tpl.save')}
            busy={busy}
            dirty={dirty}
            unsaved={dirty && !isNew}
            undoTestid="template-undo"
            onUndo={
              isNew
                ? undefined
                : () => {
                    setHead(headOf(tpl));
                    setSections(sectionsOf(tpl));
                    setDirty(false);
                    setFields({});
                  }
            }
          />
          {!isNew && !tpl.builtin && (
            <div class="separated">
              {confirming ? (
                <ConfirmBox
                  testid="template-delete"
                  text={t('tpl.confirmDelete', { name })}
                  busy={busy}
                  onConfirm={remove}
                  onCancel={() => setConfirming(false)}
                />
              ) : (
                <button
                  type="button"
                  class="danger"
                  data-testid="template-delete"
                  onClick={() => setConfirming(true)}
                >
                  {t('tpl.delete')}
                </button>
              )}
            </div>
          )}
        </Form>
      ) : (
        <TemplateView sections={sections} lib={lib} />
      )}
    </section>
  );
}
