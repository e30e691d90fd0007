// Households: filtered (area, poverty band, flag, organised, text), paged list.
import { query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Field, SelectField } from '../../components/form_fields';
import { RecordTitle } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { bandLabel, currentBands, flagLabel, num, useConfig } from '../../registry_data';
import { href } from '../../router';
import { createStore } from '../../store';
import type { Household, Page } from '../../types';
import { FilterBox, PagedTable, useFilters, ListSection } from '../../components/lists';
import { useFetch } from '../../use_fetch';

const LIMIT = 50;

interface Filters {
  area: PickedArea | null;
  band: string;
  flag: string;
  organised: string;
  q: string;
  offset: number;
}

const filterStore = createStore<Filters>({
  area: null,
  band: '',
  flag: '',
  organised: '',
  q: '',
  offset: 0,
});

export function HouseholdsPage({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const config = useConfig();
  const { f, set, setOffset } = useFilters(filterStore);

  const { data: page } = useFetch<Page<Household>>(
    '/households' +
      query({
        area: f.area?.id,
        band: f.band,
        flag: f.flag,
        organised: f.organised,
        q: f.q.trim(),
        limit: LIMIT,
        offset: f.offset,
      }),
    { delay: 200 },
  );

  return (
    <ListSection
      headingId="hh-heading"
      testid="households"
      title={t('hh.title')}
      actions={
        <>
          <div class="head-actions">
            {canWrite && (
              <a
                class="button primary"
                href={href('households', 'new')}
                data-testid="household-new"
              >
                {t('hh.new')}
              </a>
            )}
            {canWrite && (
              <a
                class="button secondary"
                href={href('households', 'import')}
                data-testid="household-import-link"
              >
                {t('reg.import')}
              </a>
            )}
            <a
              class="button secondary"
              href={href('households', 'duplicates')}
              data-testid="duplicates-link"
            >
              {t('dup.title')}
            </a>
          </div>
        </>
      }
    >
      <Field
        type="search"
        label={t('hh.search')}
        value={f.q}
        onInput={(q) => set({ q })}
        testid="household-search"
      />
      <FilterBox label={t('reg.filters')} open={!!(f.area || f.band || f.flag || f.organised)}>
        <AreaPicker
          label={t('reg.area')}
          value={f.area}
          onChange={(area) => set({ area })}
          testid="household-area-filter"
          clearable
        />
        <SelectField
          label={t('hh.band')}
          value={f.band}
          onChange={(band) => set({ band })}
          testid="household-band-filter"
          options={[
            { value: '', label: t('reg.any') },
            ...currentBands(config).map((b) => ({
              value: b.code,
              label: bandLabel(config, b.code),
            })),
          ]}
        />
        <SelectField
          label={t('hh.flag')}
          value={f.flag}
          onChange={(flag) => set({ flag })}
          testid="household-flag-filter"
          options={[
            { value: '', label: t('reg.any') },
            ...(config?.vulnerability_flags ?? []).map((o) => ({
              value: o.code,
              label: flagLabel(config, o.code),
            })),
          ]}
        />
        <SelectField
          label={t('hh.organised')}
          value={f.organised}
          onChange={(organised) => set({ organised })}
          testid="household-organised-filter"
          options={[
            { value: '', label: t('reg.any') },
            { value: 'true', label: t('hh.organisedYes') },
            { value: 'false', label: t('hh.organisedNo') },
          ]}
        />
      </FilterBox>
      <PagedTable
        page={page}
        testid="household"
        none={t('hh.none')}
        count={t('hh.count', { n: page?.total ?? 0 })}
        onOffset={setOffset}
        tableTestid="household-table"
        row={(h) => ({
          key: h.id,
          'data-testid': 'household-row',
          'data-id': h.id,
          'data-code': h.code ?? '',
        })}
        columns={[
          {
            label: t('hh.head'),
            cell: (h) => (
              <RecordTitle href={href('households', h.id)} name={h.head_name} code={h.code} />
            ),
          },
          { label: t('reg.area'), cell: (h) => <bdi>{h.area_name}</bdi> },
          {
            label: t('hh.band'),
            cell: (h) => (h.poverty_band ? bandLabel(config, h.poverty_band) : ''),
          },
          { label: t('hh.people'), cell: (h) => num(h.person_count) },
          {
            label: t('hh.flags'),
            cell: (h) => h.flags.map((x) => flagLabel(config, x)).join(t('common.listSep')),
          },
          {
            label: t('hh.organised'),
            cell: (h) =>
              h.organised ? (
                <span class="badge on">{t('hh.organisedYes')}</span>
              ) : (
                <span class="badge neutral">{t('hh.organisedNo')}</span>
              ),
          },
        ]}
      />
    </ListSection>
  );
}
