// Institutions: filtered (area, type, status, text), paged list.
import { query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Field, SelectField } from '../../components/form_fields';
import { GradeBadge, RecordTitle, StatusBadge } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { enumOptions, num, typeLabel, useConfig } from '../../registry_data';
import { href } from '../../router';
import { createStore } from '../../store';
import type { Institution, Page } from '../../types';
import { FilterBox, PagedTable, useFilters, ListSection } from '../../components/lists';
import { useFetch } from '../../use_fetch';

const LIMIT = 50;

interface Filters {
  area: PickedArea | null;
  type: string;
  status: string;
  q: string;
  offset: number;
}

// Kept while the app is open, so coming back from a record shows the same list.
const filterStore = createStore<Filters>({ area: null, type: '', status: '', q: '', offset: 0 });

export function InstitutionsPage({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const config = useConfig();
  const { f, set, setOffset } = useFilters(filterStore);

  const { data: page } = useFetch<Page<Institution>>(
    '/institutions' +
      query({
        area: f.area?.id,
        type: f.type,
        status: f.status,
        q: f.q.trim(),
        limit: LIMIT,
        offset: f.offset,
      }),
    { delay: 200 },
  );

  const types = (config?.institution_types ?? []).map((x) => ({
    value: x.code,
    label: `${typeLabel(config, x.code)} (${x.code})`,
  }));
  return (
    <ListSection
      headingId="inst-heading"
      testid="institutions"
      title={t('inst.title')}
      actions={
        canWrite && (
          <div class="head-actions">
            <a
              class="button primary"
              href={href('institutions', 'new')}
              data-testid="institution-new"
            >
              {t('inst.new')}
            </a>
            <a
              class="button secondary"
              href={href('institutions', 'import')}
              data-testid="institution-import-link"
            >
              {t('reg.import')}
            </a>
          </div>
        )
      }
    >
      <Field
        type="search"
        label={t('inst.search')}
        value={f.q}
        onInput={(q) => set({ q })}
        testid="institution-search"
      />
      <FilterBox label={t('reg.filters')} open={!!(f.area || f.type || f.status)}>
        <AreaPicker
          label={t('reg.area')}
          value={f.area}
          onChange={(area) => set({ area })}
          testid="institution-area-filter"
          clearable
        />
        <SelectField
          label={t('inst.type')}
          value={f.type}
          onChange={(type) => set({ type })}
          testid="institution-type-filter"
          options={[{ value: '', label: t('reg.any') }, ...types]}
        />
        <SelectField
          label={t('inst.status')}
          value={f.status}
          onChange={(status) => set({ status })}
          testid="institution-status-filter"
          options={enumOptions('status', t('reg.any'))}
        />
      </FilterBox>
      <PagedTable
        page={page}
        testid="institution"
        none={t('inst.none')}
        count={t('inst.count', { n: page?.total ?? 0 })}
        onOffset={setOffset}
        tableTestid="institution-table"
        row={(i) => ({
          key: i.id,
          'data-testid': 'institution-row',
          'data-id': i.id,
          'data-code': i.code ?? '',
        })}
        columns={[
          {
            label: t('inst.name'),
            cell: (i) => (
              <RecordTitle href={href('institutions', i.id)} name={i.name} code={i.code} />
            ),
          },
          { label: t('inst.type'), cell: (i) => typeLabel(config, i.type) },
          { label: t('reg.area'), cell: (i) => <bdi>{i.area_name}</bdi> },
          { label: t('inst.status'), cell: (i) => <StatusBadge status={i.status} /> },
          { label: t('inst.members'), cell: (i) => num(i.member_count) },
          {
            label: t('inst.grade'),
            cell: (i) => (i.latest_grade ? <GradeBadge grade={i.latest_grade} /> : ''),
          },
        ]}
      />
    </ListSection>
  );
}
