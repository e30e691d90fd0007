// Programme settings (GET|PUT /programme-settings): the fiscal year (the month it starts in and
// whether it is named by the year it starts or ends in), the project's start, the traffic-light
// thresholds and the DHIS2 data set. Each setting says what it changes; the fiscal year shows the
// months of this fiscal year's quarters, halves and year before and after the change. Only what
// changed is sent; the server's field errors show beside their fields.
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../api';
import { Field, SelectField } from '../../components/form_fields';
import { Form, SaveRow } from '../../components/form';
import { Facts, fieldBinder, Ltr, useWrite } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { clearMessages, showInfo } from '../../messages';
import { num } from '../../registry_data';
import { OtherErrors } from '../fieldwork/common';
import { monthName, percent, periodLabel, yearText } from '../reports/common';
import {
  currentFiscalYear,
  fiscalSpan,
  ReadOnlyNote,
  SetupCrumbs,
  settingsStore,
  Span,
  useProgrammeAdmin,
  useSettings,
  type ProgrammeSettings,
} from './common';
import { LoadingCard } from '../../components/loading_card';

// A traffic-light threshold: a percentage of the target.
const LIGHT = { type: 'number', inputMode: 'decimal', step: 'any', min: 0, max: 1000 } as const;

interface Form {
  fiscal_year_start_month: string;
  fiscal_year_label: 'start' | 'end';
  project_start: string;
  light_green: string;
  light_amber: string;
  dhis2_data_set: string;
  dhis2_attribute_option_combo: string;
}

const formOf = (s: ProgrammeSettings): Form => ({
  fiscal_year_start_month: String(s.fiscal_year_start_month),
  fiscal_year_label: s.fiscal_year_label,
  project_start: s.project_start,
  light_green: String(s.light_green),
  light_amber: String(s.light_amber),
  dhis2_data_set: s.dhis2_data_set,
  dhis2_attribute_option_combo: s.dhis2_attribute_option_combo,
});

// A number as typed (a decimal comma accepted); what is not a number goes as typed, for the
// server to name.
function numberOrText(v: string): number | string {
  const n = Number(v.trim().replace(',', '.'));
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
}

export function SettingsPage() {
  const { t } = useI18n();
  const saved = useSettings();
  const may = useProgrammeAdmin();
  const [f, setF] = useState<Form | null>(null);
  const w = useWrite();
  const { fields, setFields, busy } = w;
  const set = (p: Partial<Form>) => setF((old) => (old ? { ...old, ...p } : old));

  useEffect(() => {
    if (saved && !f) setF(formOf(saved));
  }, [saved]);

  if (!saved || !f) return <LoadingCard />;
  const bind = fieldBinder(f, set, fields);

  const before = formOf(saved);
  const changed = (Object.keys(f) as (keyof Form)[]).filter((k) => f[k] !== before[k]);

  async function save() {
    if (!f) return;
    clearMessages();
    setFields({});
    const body: Record<string, unknown> = {};
    for (const k of changed) {
      if (k === 'fiscal_year_start_month') body[k] = Number(f[k]);
      else if (k === 'light_green' || k === 'light_amber') body[k] = numberOrText(f[k]);
      else body[k] = f[k].trim();
    }
    await w.save(async () => {
      const s = await request<ProgrammeSettings>('PUT', '/programme-settings', body);
      settingsStore.set(s);
      setF(formOf(s));
      showInfo(t('set.saved'));
    });
  }

  const start = Number(f.fiscal_year_start_month);
  const known = [
    'fiscal_year_start_month',
    'fiscal_year_label',
    'project_start',
    'light_green',
    'light_amber',
    'dhis2_data_set',
    'dhis2_attribute_option_combo',
  ];
  const months = Array.from({ length: 12 }, (_, i) => ({
    value: String(i + 1),
    label: monthName(i + 1),
  }));
  // A fiscal year starting in July 2026: named 2026 (by its start) or 2027 (by its end).
  const example = {
    start: currentFiscalYear(start, 'start'),
    month: monthName(start),
    end: monthName(((start + 10) % 12) + 1),
  };
  const labelOptions = [
    { value: 'start', label: t('set.labelStart') },
    { value: 'end', label: t('set.labelEnd') },
  ];

  return (
    <>
      <section class="card" aria-labelledby="settings-heading" data-testid="settings">
        <SetupCrumbs current={t('set.title')} />
        <h1 id="settings-heading">{t('set.title')}</h1>
        {may === false && <ReadOnlyNote />}
        {may ? (
          <Form class="form-narrow" data-testid="settings-form" onSubmit={save}>
            <fieldset>
              <legend>{t('set.fiscalYear')}</legend>
              <div class="form-row">
                <SelectField
                  label={t('set.startMonth')}
                  value={f.fiscal_year_start_month}
                  onChange={(v) => set({ fiscal_year_start_month: v })}
                  options={months}
                  error={fields.fiscal_year_start_month}
                  testid="settings-start-month"
                />
                <SelectField
                  label={t('set.label')}
                  value={f.fiscal_year_label}
                  onChange={(v) => set({ fiscal_year_label: v as Form['fiscal_year_label'] })}
                  options={labelOptions}
                  error={fields.fiscal_year_label}
                  testid="settings-label"
                  hint={
                    start === 1
                      ? t('set.labelJanuary')
                      : t('set.labelExample', {
                          from: example.month,
                          to: example.end,
                          start: yearText(String(example.start)),
                          end: yearText(String(example.start + 1)),
                        })
                  }
                />
              </div>
              <p class="hint">{t('set.fiscalHelp')}</p>
              <FiscalPreview saved={saved} form={f} />
            </fieldset>
            <Field
              type="date"
              label={t('set.projectStart')}
              {...bind('project_start')}
              testid="settings-project-start"
              hint={t('set.projectStartHelp')}
            />
            <fieldset>
              <legend>{t('set.lights')}</legend>
              <div class="form-row pair">
                <Field
                  {...LIGHT}
                  label={t('set.green')}
                  {...bind('light_green')}
                  testid="settings-green"
                />
                <Field
                  {...LIGHT}
                  label={t('set.amber')}
                  {...bind('light_amber')}
                  testid="settings-amber"
                />
              </div>
              <LightsHelp green={f.light_green} amber={f.light_amber} />
            </fieldset>
            <fieldset>
              <legend>{t('set.dhis2')}</legend>
              <div class="form-row">
                <Field
                  label={t('set.dataSet')}
                  {...bind('dhis2_data_set')}
                  dir="ltr"
                  testid="settings-data-set"
                />
                <Field
                  label={t('set.aoc')}
                  {...bind('dhis2_attribute_option_combo')}
                  dir="ltr"
                  testid="settings-aoc"
                />
              </div>
              <p class="hint">{t('set.dhis2Help')}</p>
            </fieldset>
            <OtherErrors fields={fields} shown={(k) => known.includes(k)} />
            <SaveRow
              name="settings"
              label={t('set.save')}
              busy={busy}
              dirty={changed.length > 0}
              undoTestid="settings-reset"
              onUndo={() => {
                setF(before);
                setFields({});
              }}
            />
          </Form>
        ) : (
          <>
            <Facts
              rows={[
                [
                  t('set.startMonth'),
                  monthName(saved.fiscal_year_start_month),
                  'settings-start-month-value',
                ],
                [
                  t('set.label'),
                  saved.fiscal_year_label === 'end' ? t('set.labelEnd') : t('set.labelStart'),
                ],
                [t('set.projectStart'), <Ltr>{saved.project_start}</Ltr>],
                [t('set.green'), percent(saved.light_green)],
                [t('set.amber'), percent(saved.light_amber)],
                [t('set.dataSet'), saved.dhis2_data_set ? <Ltr>{saved.dhis2_data_set}</Ltr> : '–'],
                [
                  t('set.aoc'),
                  saved.dhis2_attribute_option_combo ? (
                    <Ltr>{saved.dhis2_attribute_option_combo}</Ltr>
                  ) : (
                    '–'
                  ),
                ],
              ]}
            />
            <FiscalPreview saved={saved} form={formOf(saved)} />
            <LightsHelp green={String(saved.light_green)} amber={String(saved.light_amber)} />
          </>
        )}
      </section>
    </>
  );
}

// The months of this fiscal year's periods under the stored settings and, when the form differs,
// under the form's.
function FiscalPreview({ saved, form }: { saved: ProgrammeSettings; form: Form }) {
  const { t } = useI18n();
  const start = Number(form.fiscal_year_start_month);
  const label = form.fiscal_year_label;
  const differs = start !== saved.fiscal_year_start_month || label !== saved.fiscal_year_label;
  const fy = currentFiscalYear(start, label);
  const texts = [`${fy}Q1`, `${fy}Q2`, `${fy}Q3`, `${fy}Q4`, `${fy}S1`, `${fy}S2`, String(fy)];
  return (
    <div class="fiscal-preview">
      <table
        class="compact"
        data-testid="settings-preview"
        data-changed={differs ? 'true' : 'false'}
      >
        <caption>{t('set.previewTitle', { year: yearText(String(fy)) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rep.period')}</th>
            <th scope="col">{differs ? t('set.monthsNow') : t('set.months')}</th>
            {differs && <th scope="col">{t('set.monthsAfter')}</th>}
          </tr>
        </thead>
        <tbody>
          {texts.map((p) => (
            <tr key={p} data-testid="settings-preview-row" data-period={p}>
              <th scope="row">{periodLabel(p)}</th>
              <td data-testid="preview-now">
                <Span
                  span={fiscalSpan(p, saved.fiscal_year_start_month, saved.fiscal_year_label)}
                />
              </td>
              {differs && (
                <td data-testid="preview-after">
                  <strong>
                    <Span span={fiscalSpan(p, start, label)} />
                  </strong>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {differs && (
        <p class="notice warn" data-testid="settings-fiscal-warning">
          {t('set.fiscalWarning')}
        </p>
      )}
    </div>
  );
}

function LightsHelp({ green, amber }: { green: string; amber: string }) {
  const { t } = useI18n();
  const g = Number(green.replace(',', '.'));
  const a = Number(amber.replace(',', '.'));
  // Only a valid pair explains itself; the server names what is wrong with another.
  if (
    !Number.isFinite(g) ||
    !Number.isFinite(a) ||
    green.trim() === '' ||
    amber.trim() === '' ||
    a > g
  )
    return null;
  return (
    <ul class="plain-list lights-help" data-testid="settings-lights-help">
      <li>
        <span class="light light-green" aria-hidden="true" />{' '}
        {t('set.greenMeans', { n: percent(g), light: t('rep.light.green') })}
      </li>
      <li>
        <span class="light light-amber" aria-hidden="true" />{' '}
        {t('set.amberMeans', { n: percent(a), to: percent(g), light: t('rep.light.amber') })}
      </li>
      <li>
        <span class="light light-red" aria-hidden="true" />{' '}
        {t('set.redMeans', { n: percent(a), light: t('rep.light.red') })}
      </li>
      <li class="muted small" data-testid="settings-lights-example">
        {t('set.lightsExample', {
          target: num(200),
          value: num(170),
          pct: percent(85),
          light: t(85 >= g ? 'rep.light.green' : 85 >= a ? 'rep.light.amber' : 'rep.light.red'),
        })}
      </li>
    </ul>
  );
}
