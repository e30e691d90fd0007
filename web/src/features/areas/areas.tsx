// Areas: the tree (or search results) beside the chosen area's details.
import { useState } from 'preact/hooks';
import { levelLabel, searchAreas } from '../../area_data';
import { AreaTree } from '../../components/area_tree';
import { Field } from '../../components/form_fields';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import type { Area } from '../../types';
import { useFetch } from '../../use_fetch';
import { AreaDetail } from './area_detail';

// `canEdit`: may create, change and import areas.
export function AreasPage({ id, canEdit }: { id?: string; canEdit: boolean }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  // Searched 250 ms after typing stops; no text, no results (the tree shows).
  const text = q.trim();
  const found = useFetch<Area[]>(text || null, { delay: 250, load: searchAreas }).data;
  const results = text ? found : null;

  return (
    <div class={id ? 'split has-selection' : 'split'}>
      <section class="card split-side" aria-labelledby="areas-heading">
        <div class="section-head">
          <h1 id="areas-heading">{t('areas.title')}</h1>
          {canEdit && (
            <a
              class="button secondary"
              href={href('areas', 'import')}
              data-testid="area-import-link"
            >
              {t('areas.import')}
            </a>
          )}
        </div>
        <Field
          type="search"
          label={t('areas.search')}
          value={q}
          onInput={setQ}
          testid="area-search"
        />
        {results ? (
          <div data-testid="area-search-results">
            <h2 class="small-heading">{t('areas.results')}</h2>
            {results.length === 0 ? (
              <p class="muted">{t('areas.noResults')}</p>
            ) : (
              <ul class="plain-list">
                {results.map((a) => (
                  <li key={a.id}>
                    <a
                      href={href('areas', a.id)}
                      data-testid="area-search-result"
                      data-code={a.code}
                    >
                      {a.name}
                    </a>{' '}
                    <span class="muted small">
                      {a.code} · {levelLabel(a)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : (
          <>
            <h2 class="small-heading">{t('areas.top')}</h2>
            <AreaTree selected={id} />
          </>
        )}
      </section>
      <section class="card split-main" aria-live="polite">
        {id ? (
          <AreaDetail key={id} id={id} canEdit={canEdit} />
        ) : (
          <p class="muted" data-testid="area-pick">
            {t('areas.pick')}
          </p>
        )}
      </section>
    </div>
  );
}
