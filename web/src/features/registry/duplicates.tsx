// Duplicate review: pairs of households (same national ID, or similar names in one village)
// side by side; merging keeps the chosen one and moves the other's people and memberships to it.
import { useState } from 'preact/hooks';
import { post, query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Crumbs, Ltr } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { clearMessages, showError, showInfo } from '../../messages';
import { bandLabel, num, pct, useConfig } from '../../registry_data';
import { href } from '../../router';
import type { DuplicatePair, Household, Page } from '../../types';
import { Pager } from '../../components/pager';
import { useFetch } from '../../use_fetch';

const LIMIT = 20;

export function DuplicatesPage({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const [area, setArea] = useState<PickedArea | null>(null);
  const [offset, setOffset] = useState(0);
  // The pair being merged and the side to keep.
  const [choice, setChoice] = useState<{ pair: number; keep: 'a' | 'b' } | null>(null);

  const { data: page, reload } = useFetch<Page<DuplicatePair>>(
    '/households/duplicates' + query({ area: area?.id, limit: LIMIT, offset }),
  );

  async function merge(keep: Household, other: Household) {
    clearMessages();
    try {
      await post(`/households/${encodeURIComponent(keep.id)}/merge`, {
        other_id: other.id,
        version: keep.version,
      });
      setChoice(null);
      showInfo(t('dup.merged', { name: keep.head_name }));
      reload();
    } catch (e) {
      showError(e);
      reload();
    }
  }

  return (
    <section class="card" aria-labelledby="dup-heading" data-testid="duplicates">
      <Crumbs
        items={[{ href: href('households'), label: t('hh.title') }]}
        current={t('dup.title')}
      />
      <h1 id="dup-heading">{t('dup.title')}</h1>
      <p class="muted">{t('dup.help')}</p>
      <AreaPicker
        label={t('reg.area')}
        value={area}
        onChange={(a) => {
          setArea(a);
          setOffset(0);
        }}
        testid="dup-area"
        clearable
      />
      {!page ? (
        <p class="muted">{t('common.loading')}</p>
      ) : page.items.length === 0 ? (
        <p class="notice ok" data-testid="dup-none">
          {t('dup.none')}
        </p>
      ) : (
        <>
          <p class="muted small" data-testid="dup-count">
            {t('dup.count', { n: page.total })}
          </p>
          <ol class="dup-list">
            {page.items.map((d, i) => (
              <li
                key={d.a.id + d.b.id}
                class="dup-pair"
                data-testid="dup-pair"
                data-a={d.a.id}
                data-b={d.b.id}
              >
                <p class="dup-reason">
                  <span class={d.reason === 'national_id' ? 'badge off' : 'badge warn'}>
                    {d.reason === 'national_id'
                      ? t('dup.sameId')
                      : t('dup.similar', { pct: pct(d.similarity, 1) })}
                  </span>
                </p>
                <div class="dup-sides">
                  <Side h={d.a} />
                  <Side h={d.b} />
                </div>
                {canWrite &&
                  (choice && choice.pair === i ? (
                    <div class="confirm" role="alertdialog" data-testid="dup-confirm">
                      <p>
                        {t('dup.confirm', {
                          keep: choice.keep === 'a' ? d.a.head_name : d.b.head_name,
                          other: choice.keep === 'a' ? d.b.head_name : d.a.head_name,
                        })}
                      </p>
                      <div class="actions">
                        <button
                          type="button"
                          class="danger"
                          data-testid="dup-merge-yes"
                          onClick={() => (choice.keep === 'a' ? merge(d.a, d.b) : merge(d.b, d.a))}
                        >
                          {t('dup.mergeYes')}
                        </button>
                        <button type="button" class="secondary" onClick={() => setChoice(null)}>
                          {t('common.cancel')}
                        </button>
                      </div>
                    </div>
                  ) : (
                    <div class="dup-sides">
                      <button
                        type="button"
                        class="secondary"
                        data-testid="dup-keep-a"
                        onClick={() => setChoice({ pair: i, keep: 'a' })}
                      >
                        {t('dup.keepThis')}
                      </button>
                      <button
                        type="button"
                        class="secondary"
                        data-testid="dup-keep-b"
                        onClick={() => setChoice({ pair: i, keep: 'b' })}
                      >
                        {t('dup.keepThis')}
                      </button>
                    </div>
                  ))}
              </li>
            ))}
          </ol>
          <Pager page={page} onOffset={setOffset} />
        </>
      )}
    </section>
  );
}

function Side({ h }: { h: Household }) {
  const { t } = useI18n();
  const config = useConfig();
  return (
    <div class="dup-side" data-testid="dup-side">
      <a href={href('households', h.id)} class="dup-name">
        <bdi>{h.head_name}</bdi>
      </a>
      <dl>
        {h.head_father_name && (
          <>
            <dt>{t('hh.fatherName')}</dt>
            <dd>
              <bdi>{h.head_father_name}</bdi>
            </dd>
          </>
        )}
        {h.code && (
          <>
            <dt>{t('hh.code')}</dt>
            <dd>
              <Ltr>{h.code}</Ltr>
            </dd>
          </>
        )}
        <dt>{t('reg.area')}</dt>
        <dd>
          <bdi>{h.area_name}</bdi>
        </dd>
        {h.national_id && (
          <>
            <dt>{t('hh.nationalId')}</dt>
            <dd>
              <Ltr>{h.national_id}</Ltr>
            </dd>
          </>
        )}
        {h.psc_score !== null && (
          <>
            <dt>{t('hh.psc')}</dt>
            <dd>
              {num(h.psc_score, 1)} · {bandLabel(config, h.poverty_band)}
            </dd>
          </>
        )}
        <dt>{t('hh.people')}</dt>
        <dd>{num(h.person_count)}</dd>
        <dt>{t('hh.organised')}</dt>
        <dd>{h.organised ? t('hh.organisedYes') : t('hh.organisedNo')}</dd>
        <dt>{t('reg.registered')}</dt>
        <dd>
          <Ltr>{h.created_at.slice(0, 10)}</Ltr>
        </dd>
      </dl>
    </div>
  );
}
