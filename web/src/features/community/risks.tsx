// An area's risk register: its risks, most urgent first (level, then review date), each with its
// band, trend, owner and next review (overdue marked); a form to raise one or change one. A
// change of level is recorded by the server and shown to the area's supervisors.
import { useState } from 'preact/hooks';
import { patch, post, query } from '../../api';
import { useFieldErrors } from '../../components/field_focus';
import { Field, SelectField, SubmitCancel, TextAreaField } from '../../components/form_fields';
import { useI18n } from '../../i18n';
import { useConfig } from '../../registry_data';
import { href } from '../../router';
import type { Area, Page } from '../../types';
import { useFetch } from '../../use_fetch';
import { configLabel, configOptions, riskCategories, saveForm, TRENDS, type Risk } from './common';

const LEVELS = ['1', '2', '3', '4', '5'];

export function BandBadge({ band, level }: { band: string; level: number }) {
  const { t } = useI18n();
  return (
    <span class={`badge band-${band}`} data-testid="risk-band" data-band={band}>
      {t(`rk.band.${band}` as 'rk.band.low')} ({level})
    </span>
  );
}

function RiskForm(p: { areaId: string; risk?: Risk; onDone: () => void; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const config = useConfig();
  const r = p.risk;
  const cats = riskCategories(config);
  const [f, setF] = useState({
    category: r?.category ?? cats[0]?.code ?? '',
    description: r?.description ?? '',
    likelihood: String(r?.likelihood ?? 1),
    impact: String(r?.impact ?? 1),
    trend: r?.trend ?? 'stable',
    mitigation: r?.mitigation ?? '',
    next_review_on: r?.next_review_on ?? '',
  });
  const [errors, setErrors] = useFieldErrors();
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  async function submit(e: Event) {
    e.preventDefault();
    const body = {
      ...f,
      likelihood: Number(f.likelihood),
      impact: Number(f.impact),
      mitigation: f.mitigation || null,
    };
    await saveForm(
      () =>
        r
          ? patch(`/risks/${encodeURIComponent(r.id)}`, { version: r.version, ...body })
          : post('/risks', { area_id: p.areaId, ...body }),
      t('common.saved'),
      setErrors,
      p.onDone,
    );
  }
  const level = Number(f.likelihood) * Number(f.impact);
  return (
    <form class="subform" onSubmit={submit} data-testid="risk-form" noValidate>
      <SelectField
        label={t('rk.category')}
        value={f.category}
        options={configOptions(t, lang, 'rk.cat.', cats)}
        onChange={set('category')}
        error={errors.category}
        testid="risk-category"
      />
      <TextAreaField
        label={t('rk.description')}
        value={f.description}
        onInput={set('description')}
        error={errors.description}
        testid="risk-description"
      />
      {(['likelihood', 'impact'] as const).map((k) => (
        <SelectField
          key={k}
          label={t(`rk.${k}`)}
          value={f[k]}
          options={LEVELS.map((x) => ({ value: x, label: x }))}
          onChange={set(k)}
          error={errors[k]}
          testid={`risk-${k}`}
        />
      ))}
      <p data-testid="risk-form-level">
        {t('rk.level')}: <bdi>{level}</bdi>
      </p>
      <SelectField
        label={t('rk.trend')}
        value={f.trend}
        options={TRENDS.map((x) => ({ value: x, label: t(`rk.tr.${x}` as 'rk.tr.stable') }))}
        onChange={set('trend')}
        error={errors.trend}
        testid="risk-trend"
      />
      <TextAreaField
        label={t('rk.mitigation')}
        value={f.mitigation}
        onInput={set('mitigation')}
        error={errors.mitigation}
        testid="risk-mitigation"
      />
      <Field
        label={t('rk.nextReview')}
        type="date"
        value={f.next_review_on}
        onInput={set('next_review_on')}
        error={errors.next_review_on}
        testid="risk-next-review"
      />
      <SubmitCancel label={t('rk.save')} testid="risk-save" onCancel={p.onCancel} />
    </form>
  );
}

export function RisksPage({ id, canWrite }: { id: string; canWrite: boolean }) {
  const { t, lang } = useI18n();
  const config = useConfig();
  const [editing, setEditing] = useState<string | null>(null);
  const { data: area } = useFetch<Area>(`/areas/${encodeURIComponent(id)}`);
  const { data, reload } = useFetch<Page<Risk>>('/risks' + query({ area: id, limit: 100 }));
  const done = () => {
    setEditing(null);
    reload();
  };
  return (
    <section class="card" data-testid="risks">
      <nav class="breadcrumb">
        <a href={href('areas', id)}>{area?.name ?? ''}</a> ·{' '}
        <a href={href('community', id)}>{t('cp.title')}</a>
      </nav>
      <h1>
        {t('rk.title')}: <bdi>{area?.name ?? ''}</bdi>
      </h1>
      {canWrite && editing !== 'new' && (
        <button
          type="button"
          class="primary"
          data-testid="risk-new"
          onClick={() => setEditing('new')}
        >
          {t('rk.new')}
        </button>
      )}
      {editing === 'new' && (
        <RiskForm areaId={id} onDone={done} onCancel={() => setEditing(null)} />
      )}
      {data?.items.length === 0 && <p class="muted">{t('rk.none')}</p>}
      <ul
        class="plain-list risk-list"
        data-testid="risk-list"
        data-count={data?.items.length ?? ''}
      >
        {data?.items.map((r) => (
          <li key={r.id} data-testid="risk" data-id={r.id} data-level={r.level}>
            <p>
              <BandBadge band={r.band} level={r.level} />{' '}
              <strong>{configLabel(t, lang, 'rk.cat.', riskCategories(config), r.category)}</strong>
              {r.area_id !== id && <span class="muted small"> · {r.area_name}</span>}
            </p>
            <p dir="auto">{r.description}</p>
            <p class="muted small">
              {t('rk.trend')}: {t(`rk.tr.${r.trend}` as 'rk.tr.stable')} · {t('rk.nextReview')}:{' '}
              <bdi dir="ltr">{r.next_review_on}</bdi>
              {r.overdue && (
                <strong class="overdue" data-testid="risk-overdue">
                  {' '}
                  · {t('rk.overdue')}
                </strong>
              )}
              {r.owner_name && (
                <>
                  {' '}
                  · {t('rk.owner')}: {r.owner_name}
                </>
              )}
            </p>
            {r.mitigation && (
              <p class="small" dir="auto">
                {t('rk.mitigation')}: {r.mitigation}
              </p>
            )}
            {canWrite && editing !== r.id && (
              <button
                type="button"
                class="secondary"
                data-testid="risk-edit"
                onClick={() => setEditing(r.id)}
              >
                {t('rk.edit')}
              </button>
            )}
            {editing === r.id && (
              <RiskForm areaId={id} risk={r} onDone={done} onCancel={() => setEditing(null)} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
