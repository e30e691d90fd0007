// Progress reports: the list (area, template, status) and the form that starts one (template,
// area, a period of the template's kind, whether unverified activities count).
import { useState } from 'preact/hooks';
import { get, post, query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { SelectField } from '../../components/form_fields';
import { Form, Check } from '../../components/form';
import { Crumbs, useWrite } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { clearMessages, showInfo } from '../../messages';
import { sharedResource } from '../../registry_data';
import { href, navigate } from '../../router';
import { createStore } from '../../store';
import type { Page, User } from '../../types';
import { when } from '../fieldwork/common';
import {
  currentMonth,
  homeArea,
  periodLabel,
  templateLabel,
  PeriodPicker,
  ReportStatus,
  ReportsTabs,
  statusLabel,
  type PeriodKind,
  type Report,
  type ReportRights,
  type ReportSummary,
  type ReportTemplate,
} from './common';
import { periodNow, useSettings } from '../setup/common';
import { FilterBox, PagedResults, useFilters, ListSection } from '../../components/lists';
import { useFetch } from '../../use_fetch';

const LIMIT = 50;
const STATUSES = ['draft', 'submitted', 'returned', 'approved'];

// The report templates (MPR, QPR, ...), read once; the template editor puts a saved one back.
const templates = sharedResource(() =>
  get<{ items: ReportTemplate[] }>('/report-templates').then((r) => r.items),
);
export const templatesStore = templates.store;
export const useTemplates = (): ReportTemplate[] | null => templates.use();

export function templateName(list: ReportTemplate[] | null, code: string): string {
  const tpl = list?.find((x) => x.code === code);
  return templateLabel(code, tpl?.name, tpl?.names);
}

interface Filters {
  area: PickedArea | null;
  template: string;
  status: string;
  offset: number;
}

const filterStore = createStore<Filters>({ area: null, template: '', status: '', offset: 0 });

export function ReportsPage({ rights }: { rights: ReportRights }) {
  const { t } = useI18n();
  const templates = useTemplates();
  const { f, set, setOffset } = useFilters(filterStore);

  const { data: page } = useFetch<Page<ReportSummary>>(
    '/reports' +
      query({
        area: f.area?.id,
        template: f.template,
        status: f.status,
        limit: LIMIT,
        offset: f.offset,
      }),
  );

  return (
    <ListSection
      headingId="reports-heading"
      testid="reports"
      title={t('rep.title')}
      tabs={<ReportsTabs current="reports" />}
      actions={
        rights.write && (
          <a class="button primary" href={href('reports', 'new')} data-testid="report-new">
            {t('rep.new')}
          </a>
        )
      }
    >
      <FilterBox
        label={t('rep.filters')}
        testid="reports-filters"
        open={!!(f.area || f.template || f.status)}
      >
        <AreaPicker
          label={t('rep.area')}
          value={f.area}
          onChange={(area) => set({ area })}
          clearable
          testid="reports-area-filter"
        />
        <SelectField
          label={t('rep.template')}
          value={f.template}
          onChange={(template) => set({ template })}
          testid="reports-template-filter"
          options={[
            { value: '', label: t('rep.any') },
            ...(templates ?? []).map((x) => ({
              value: x.code,
              label: templateLabel(x.code, x.name, x.names),
            })),
          ]}
        />
        <SelectField
          label={t('rep.status')}
          value={f.status}
          onChange={(status) => set({ status })}
          testid="reports-status-filter"
          options={[
            { value: '', label: t('rep.any') },
            ...STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
          ]}
        />
      </FilterBox>
      <PagedResults
        page={page}
        testid="reports"
        none={t('rep.none')}
        count={t('rep.count', { n: page?.total ?? 0 })}
        onOffset={setOffset}
      >
        {(items) => (
          <ul class="record-list" data-testid="reports-list">
            {items.map((r) => (
              <li key={r.id} data-testid="report-row" data-id={r.id} data-status={r.status}>
                <a class="record-link" href={href('reports', r.id)}>
                  <span class="record-title">
                    {templateName(templates, r.template_code)} · {periodLabel(r.period)}
                  </span>
                  <span class="record-meta">
                    <bdi>{r.area_name}</bdi> · {t('rep.updated', { when: when(r.updated_at) })}
                  </span>
                </a>
                <ReportStatus status={r.status} />
              </li>
            ))}
          </ul>
        )}
      </PagedResults>
    </ListSection>
  );
}

const KIND: Record<string, PeriodKind> = {
  month: 'month',
  quarter: 'quarter',
  half: 'half',
  year: 'year',
};

export function ReportCreatePage({ user }: { user: User }) {
  const { t } = useI18n();
  const templates = useTemplates();
  const [template, setTemplate] = useState('MPR');
  const [area, setArea] = useState<PickedArea | null>(homeArea(user));
  const [period, setPeriod] = useState(currentMonth());
  const [unverified, setUnverified] = useState(false);
  const w = useWrite();
  const { fields, setFields, busy } = w;
  const settings = useSettings();
  const tpl = templates?.find((x) => x.code === template);
  const kind = tpl ? (KIND[tpl.period_kind] ?? 'month') : 'month';
  const now = (k: PeriodKind) =>
    periodNow(k, settings?.fiscal_year_start_month, settings?.fiscal_year_label);

  async function create() {
    clearMessages();
    setFields({});
    await w.save(async () => {
      const r = await post<Report>('/reports', {
        template_code: template,
        area_id: area?.id ?? '',
        period,
        include_unverified: unverified,
      });
      showInfo(t('rep.created'));
      navigate('reports', r.id);
    });
  }

  return (
    <section class="card" aria-labelledby="report-new-heading">
      <Crumbs items={[{ href: href('reports'), label: t('rep.title') }]} current={t('rep.new')} />
      <h1 id="report-new-heading">{t('rep.new')}</h1>
      <Form class="form-narrow" data-testid="report-form" onSubmit={create}>
        <SelectField
          label={t('rep.template')}
          value={template}
          error={fields.template_code}
          testid="report-template"
          onChange={(code) => {
            setTemplate(code);
            const k =
              KIND[templates?.find((x) => x.code === code)?.period_kind ?? 'month'] ?? 'month';
            setPeriod(now(k));
          }}
          options={(templates ?? [{ code: 'MPR', name: '' } as ReportTemplate]).map((x) => ({
            value: x.code,
            label: templateLabel(x.code, x.name, x.names),
          }))}
        />
        <AreaPicker
          label={t('rep.area')}
          value={area}
          onChange={setArea}
          error={fields.area_id}
          testid="report-area"
        />
        <PeriodPicker
          label={t('rep.period')}
          value={period}
          onChange={setPeriod}
          kinds={[kind]}
          error={fields.period}
          testid="report-period"
        />
        <Check
          label={t('rep.includeUnverified')}
          checked={unverified}
          testid="report-unverified"
          onChange={setUnverified}
        />
        <p class="hint">{t('rep.includeUnverifiedHint')}</p>
        <div class="actions separated">
          <button type="submit" class="primary" disabled={busy} data-testid="report-create">
            {t('rep.create')}
          </button>
          <a class="button secondary" href={href('reports')}>
            {t('common.cancel')}
          </a>
        </div>
      </Form>
    </section>
  );
}
