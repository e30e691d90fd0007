// The records behind one number of an indicator (an area, a period, the period or cumulative
// column, optionally one group such as a sub-area or "women"): each a link to its page where it
// has one (households, institutions, activities, feedback); people are listed by name.
import { useEffect, useState } from 'preact/hooks';
import { query } from '../../api';
import { Crumbs, Ltr } from '../../components/registry_bits';
import { loadMessages, useI18n } from '../../i18n';
import { useConfig } from '../../registry_data';
import { href } from '../../router';
import type { Area } from '../../types';
import { activityTypeLabel } from '../fieldwork/common';
import { fieldworkStrings } from '../fieldwork/strings';
import { useFetch } from '../../use_fetch';
import {
  dimLabel,
  indicatorName,
  periodLabel,
  recordHref,
  recordKindLabel,
  useLibrary,
  type RecordRef,
} from './common';

const LIMIT = 50;

export interface RecordsRoute {
  code: string;
  area: string;
  period: string;
  column: string;
  group?: string;
}

export function IndicatorRecordsPage(r: RecordsRoute) {
  const { t, lang } = useI18n();
  const lib = useLibrary();
  const [offset, setOffset] = useState(0);
  // An activity without a title is labelled by its type's code: named as the field screens do.
  const config = useConfig();
  useEffect(() => {
    loadMessages(fieldworkStrings).catch(() => {});
  }, []);
  const label = (x: RecordRef) =>
    x.record === 'activity' && config?.activity_types?.some((o) => o.code === x.label)
      ? activityTypeLabel(config, x.label)
      : x.label;

  // The area's name for the heading; without it the heading names no area.
  const area = useFetch<Area>(`/areas/${encodeURIComponent(r.area)}`, { onError: () => {} }).data;

  const { data, error } = useFetch<{ items: RecordRef[] }>(
    `/indicators/${encodeURIComponent(r.code)}/records` +
      query({
        area: r.area,
        period: r.period,
        column: r.column,
        group: r.group,
        limit: LIMIT,
        offset,
        lang,
      }),
    { reset: true },
  );
  // A failure shows an empty list (and the error on the message line).
  const items = error ? [] : (data?.items ?? null);

  const name = indicatorName(lib, r.code);
  // "child_area:ID" names the sub-area only by id: the group is shown by its dimension here.
  const groups = (r.group ?? '')
    .split(',')
    .filter(Boolean)
    .map((g) => {
      const [dim, ...rest] = g.split(':');
      return { dim, value: rest.join(':') };
    });
  return (
    <section
      class="card"
      aria-labelledby="recs-heading"
      data-testid="indicator-records"
      data-code={r.code}
    >
      <Crumbs items={[{ href: href('dashboard'), label: t('dash.title') }]} current={name} />
      <h1 id="recs-heading">
        <bdi>{name}</bdi>
      </h1>
      <p class="muted" data-testid="records-context">
        {area && (
          <>
            <bdi>{area.name}</bdi> ·{' '}
          </>
        )}
        {periodLabel(r.period)} ·{' '}
        {r.column === 'cumulative' ? t('rep.cumulative') : t('rep.thisPeriod')}
        {groups
          .filter((g) => g.dim !== 'child_area')
          .map((g) => (
            <span key={g.dim}>
              {' '}
              · {dimLabel(g.dim)}: <bdi dir="auto">{g.value}</bdi>
            </span>
          ))}
      </p>
      {!items ? (
        <p class="muted">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p class="muted" data-testid="records-none">
          {offset === 0 ? t('recs.none') : t('recs.noMore')}
        </p>
      ) : (
        <ul class="record-list" data-testid="records-list">
          {items.map((x) => {
            const to = recordHref(x.record, x.id);
            const body = (
              <>
                <span class="record-title">
                  <bdi dir="auto">{label(x) || x.id}</bdi>
                </span>
                <span class="record-meta">
                  {recordKindLabel(x.record)}
                  {x.date && (
                    <>
                      {' '}
                      · <Ltr>{x.date}</Ltr>
                    </>
                  )}
                </span>
              </>
            );
            return (
              <li
                key={x.record + x.id}
                data-testid="records-row"
                data-record={x.record}
                data-id={x.id}
              >
                {to ? (
                  <a class="record-link" href={to}>
                    {body}
                  </a>
                ) : (
                  <span class="record-link plain">{body}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {items && (offset > 0 || items.length === LIMIT) && (
        <div class="pager">
          <button
            type="button"
            class="secondary"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - LIMIT))}
          >
            {t('common.previous')}
          </button>
          <span>{t('recs.from', { n: offset + 1 })}</span>
          <button
            type="button"
            class="secondary"
            disabled={items.length < LIMIT}
            onClick={() => setOffset(offset + LIMIT)}
          >
            {t('common.next')}
          </button>
        </div>
      )}
    </section>
  );
}
