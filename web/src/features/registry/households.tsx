// Households: filtered (area, poverty band, flag, organised, text), paged list.
import { query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Field, SelectField } from '../../components/form_fields';
import { Ltr } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { bandLabel, currentBands, flagLabel, num, useConfig } from '../../registry_data';
import { href } from '../../router';
import { createStore, useStore } from '../../store';
import type { Household, Page } from '../../types';
import { Pager } from '../../components/pager';
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
  const f = useStore(filterStore);
  const set = (patch: Partial<Filters>) =>
    filterStore.set({ ...filterStore.get(), offset: 0, ...patch });

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
    <section class="card" aria-labelledby="hh-heading" data-testid="households">
      <div class="section-head">
        <h1 id="hh-heading">{t('hh.title')}</h1>
        <div class="head-actions">
          {canWrite && (
            <a class="button primary" href={href('households', 'new')} data-testid="household-new">
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
      </div>
      <Field
        type="search"
        label={t('hh.search')}
        value={f.q}
        onInput={(q) => set({ q })}
        testid="household-search"
      />
      <details class="filter-box" open={!!(f.area || f.band || f.flag || f.organised)}>
        <summary>{t('reg.filters')}</summary>
        <div class="filters">
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
        </div>
      </details>
      {!page ? (
        <p class="muted">{t('common.loading')}</p>
      ) : page.items.length === 0 ? (
        <p class="muted" data-testid="household-none">
          {t('hh.none')}
        </p>
      ) : (
        <>
          <p class="muted small" data-testid="household-count">
            {t('hh.count', { n: page.total })}
          </p>
          <div class="table-wrap">
            <table class="stack" data-testid="household-table">
              <thead>
                <tr>
                  <th scope="col">{t('hh.head')}</th>
                  <th scope="col">{t('reg.area')}</th>
                  <th scope="col">{t('hh.band')}</th>
                  <th scope="col">{t('hh.people')}</th>
                  <th scope="col">{t('hh.flags')}</th>
                  <th scope="col">{t('hh.organised')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((h) => (
                  <tr
                    key={h.id}
                    data-testid="household-row"
                    data-id={h.id}
                    data-code={h.code ?? ''}
                  >
                    <td class="stack-title">
                      <a href={href('households', h.id)}>
                        <bdi>{h.head_name}</bdi>
                      </a>
                      {h.code && (
                        <span class="muted small code">
                          {' '}
                          <Ltr>{h.code}</Ltr>
                        </span>
                      )}
                    </td>
                    <td data-label={t('reg.area')}>
                      <bdi>{h.area_name}</bdi>
                    </td>
                    <td data-label={t('hh.band')}>
                      {h.poverty_band ? bandLabel(config, h.poverty_band) : ''}
                    </td>
                    <td data-label={t('hh.people')}>{num(h.person_count)}</td>
                    <td data-label={t('hh.flags')}>
                      {h.flags.map((x) => flagLabel(config, x)).join(t('common.listSep'))}
                    </td>
                    <td data-label={t('hh.organised')}>
                      {h.organised ? (
                        <span class="badge on">{t('hh.organisedYes')}</span>
                      ) : (
                        <span class="badge neutral">{t('hh.organisedNo')}</span>
                      )}
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
