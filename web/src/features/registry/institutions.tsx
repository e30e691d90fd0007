// Institutions: filtered (area, type, status, text), paged list.
import { query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Field, SelectField } from '../../components/form_fields';
import { GradeBadge, StatusBadge } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { enumOptions, num, typeLabel, useConfig } from '../../registry_data';
import { href } from '../../router';
import { createStore, useStore } from '../../store';
import type { Institution, Page } from '../../types';
import { Pager } from '../../components/pager';
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
  const f = useStore(filterStore);
  const set = (patch: Partial<Filters>) =>
    filterStore.set({ ...filterStore.get(), offset: 0, ...patch });

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
    <section class="card" aria-labelledby="inst-heading" data-testid="institutions">
      <div class="section-head">
        <h1 id="inst-heading">{t('inst.title')}</h1>
        {canWrite && (
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
        )}
      </div>
      <Field
        type="search"
        label={t('inst.search')}
        value={f.q}
        onInput={(q) => set({ q })}
        testid="institution-search"
      />
      <details class="filter-box" open={!!(f.area || f.type || f.status)}>
        <summary>{t('reg.filters')}</summary>
        <div class="filters">
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
        </div>
      </details>
      {!page ? (
        <p class="muted">{t('common.loading')}</p>
      ) : page.items.length === 0 ? (
        <p class="muted" data-testid="institution-none">
          {t('inst.none')}
        </p>
      ) : (
        <>
          <p class="muted small" data-testid="institution-count">
            {t('inst.count', { n: page.total })}
          </p>
          <div class="table-wrap">
            <table class="stack" data-testid="institution-table">
              <thead>
                <tr>
                  <th scope="col">{t('inst.name')}</th>
                  <th scope="col">{t('inst.type')}</th>
                  <th scope="col">{t('reg.area')}</th>
                  <th scope="col">{t('inst.status')}</th>
                  <th scope="col">{t('inst.members')}</th>
                  <th scope="col">{t('inst.grade')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((i) => (
                  <tr
                    key={i.id}
                    data-testid="institution-row"
                    data-id={i.id}
                    data-code={i.code ?? ''}
                  >
                    <td class="stack-title">
                      <a href={href('institutions', i.id)}>
                        <bdi>{i.name}</bdi>
                      </a>
                      {i.code && (
                        <span class="muted small code">
                          {' '}
                          <bdi dir="ltr">{i.code}</bdi>
                        </span>
                      )}
                    </td>
                    <td data-label={t('inst.type')}>{typeLabel(config, i.type)}</td>
                    <td data-label={t('reg.area')}>
                      <bdi>{i.area_name}</bdi>
                    </td>
                    <td data-label={t('inst.status')}>
                      <StatusBadge status={i.status} />
                    </td>
                    <td data-label={t('inst.members')}>{num(i.member_count)}</td>
                    <td data-label={t('inst.grade')}>
                      {i.latest_grade ? <GradeBadge grade={i.latest_grade} /> : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={page}
            onOffset={(offset) => filterStore.set({ ...filterStore.get(), offset })}
          />
        </>
      )}
    </section>
  );
}
