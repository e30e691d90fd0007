// Work plans: the list (the caller's and their team's, as far as they see), a new plan (for
// themselves or a team member; a month can start from last month's), and one plan with its
// review (submit, approve, return with a comment), its items changed (with a reason once
// approved) and plan against actual: each item done, moved or missed, and unplanned work.
import { useState } from 'preact/hooks';
import { post, patch, query } from '../../api';
import { Field, SelectField, TextAreaField } from '../../components/form_fields';
import { Form } from '../../components/form';
import { LoadingCard } from '../../components/loading_card';
import { Crumbs, Ltr, useWrite } from '../../components/registry_bits';
import { useI18n, type MessageKey } from '../../i18n';
import { clearMessages, showInfo } from '../../messages';
import { href, navigate } from '../../router';
import type { Page, User } from '../../types';
import { useFetch } from '../../use_fetch';
import {
  monthOf,
  percent,
  shiftMonth,
  TeamTabs,
  today,
  type PlanActual,
  type PlanItem,
  type TeamMember,
  type WorkPlan,
} from './common';
import { ItemsEditor, itemsBody, usePurposes } from './plan_items';

const statusKey = (s: string) => ('team.status.' + s) as MessageKey;

export function PlansPage() {
  const { t } = useI18n();
  const { data } = useFetch<Page<WorkPlan>>('/work-plans' + query({ limit: 100 }));
  return (
    <section class="card" aria-labelledby="plans-heading" data-testid="work-plans">
      <TeamTabs current="plans" />
      <h1 id="plans-heading">{t('team.plans')}</h1>
      <div class="head-actions">
        <a class="button primary" href={href('team', 'plans', 'new')} data-testid="plan-new">
          {t('team.newPlan')}
        </a>
      </div>
      {!data ? (
        <LoadingCard />
      ) : data.items.length === 0 ? (
        <p>{t('team.noPlans')}</p>
      ) : (
        <ul class="record-list" data-testid="plan-list">
          {data.items.map((p) => (
            <li key={p.id} data-testid="plan-row" data-status={p.status}>
              <a href={href('team', 'plans', p.id)}>
                <bdi>{p.owner_name}</bdi> · <Ltr>{p.period}</Ltr>
              </a>{' '}
              <span class={'badge ' + (p.status === 'approved' ? 'on' : 'neutral')}>
                {t(statusKey(p.status))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PlanNewPage({ user }: { user: User }) {
  const { t } = useI18n();
  const team = useFetch<{ items: TeamMember[] }>('/team').data;
  const [owner, setOwner] = useState(user.id);
  const [kind, setKind] = useState('month');
  const [period, setPeriod] = useState(shiftMonth(monthOf(today()), 1));
  const [copy, setCopy] = useState(false);
  const [items, setItems] = useState<PlanItem[]>([]);
  const w = useWrite();
  const firstDay = kind === 'month' && /^\d{4}-\d{2}$/.test(period) ? period + '-01' : today();

  async function submit() {
    clearMessages();
    w.setFields({});
    await w.save(async () => {
      const plan = await post<WorkPlan>('/work-plans', {
        owner_id: owner,
        kind,
        period: period.trim(),
        copy_previous: copy && items.length === 0,
        items: itemsBody(items),
      });
      showInfo(t('common.created'));
      navigate('team', 'plans', plan.id);
    });
  }

  return (
    <section class="card" aria-labelledby="plan-new-heading">
      <Crumbs
        items={[{ href: href('team', 'plans'), label: t('team.plans') }]}
        current={t('team.newPlan')}
      />
      <h1 id="plan-new-heading">{t('team.newPlan')}</h1>
      <Form class="form-narrow" data-testid="plan-form" onSubmit={submit}>
        <SelectField
          label={t('team.owner')}
          value={owner}
          onChange={setOwner}
          options={(team?.items ?? [{ user, depth: 0 }]).map((m) => ({
            value: m.user.id,
            label: m.user.full_name,
          }))}
          error={w.fields.owner_id}
          testid="plan-owner"
        />
        <SelectField
          label={t('team.kind')}
          value={kind}
          onChange={setKind}
          options={['month', 'week', 'day'].map((k) => ({
            value: k,
            label: t(('team.kind.' + k) as MessageKey),
          }))}
          error={w.fields.kind}
          testid="plan-kind"
        />
        <Field
          label={t('team.period')}
          value={period}
          onInput={setPeriod}
          dir="ltr"
          hint={t('team.periodHint')}
          error={w.fields.period}
          testid="plan-period"
        />
        {kind === 'month' && (
          <label class="check">
            <input
              type="checkbox"
              checked={copy}
              onChange={(e) => setCopy((e.currentTarget as HTMLInputElement).checked)}
              data-testid="plan-copy"
            />{' '}
            {t('team.copyPrevious')}
          </label>
        )}
        {w.fields.copy_previous && <p class="field-error">{w.fields.copy_previous}</p>}
        {!(copy && kind === 'month') && (
          <ItemsEditor items={items} onChange={setItems} fields={w.fields} firstDay={firstDay} />
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={w.busy} data-testid="plan-save">
            {t('common.create')}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function PlanPage({ id, user }: { id: string; user: User }) {
  const { t } = useI18n();
  const plan = useFetch<WorkPlan>(`/work-plans/${encodeURIComponent(id)}`);
  const actual = useFetch<PlanActual>(`/work-plans/${encodeURIComponent(id)}/actual`);
  const [editing, setEditing] = useState<PlanItem[] | null>(null);
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const purposes = usePurposes();
  const w = useWrite();
  const p = plan.data;
  if (!p) return <LoadingCard />;

  const act = (step: string, body: Record<string, unknown> = {}) =>
    w.save(async () => {
      clearMessages();
      plan.set(
        await post<WorkPlan>(`/work-plans/${p.id}/${step}`, { version: p.version, ...body }),
      );
      actual.reload();
      showInfo(t('common.saved'));
    });
  const saveItems = () =>
    w.save(async () => {
      clearMessages();
      plan.set(
        await patch<WorkPlan>(`/work-plans/${p.id}`, {
          version: p.version,
          items: itemsBody(editing ?? []),
          ...(p.status === 'approved' ? { reason } : {}),
        }),
      );
      setEditing(null);
      actual.reload();
      showInfo(t('common.saved'));
    });
  const purpose = (code: string) => purposes.find((x) => x.value === code)?.label ?? code;
  const outcomes = actual.data?.items;
  const mine = p.owner_id === user.id;

  return (
    <section
      class="card"
      aria-labelledby="plan-heading"
      data-testid="work-plan"
      data-status={p.status}
    >
      <Crumbs
        items={[{ href: href('team', 'plans'), label: t('team.plans') }]}
        current={p.period}
      />
      <h1 id="plan-heading">
        <bdi>{p.owner_name}</bdi> · <Ltr>{p.period}</Ltr>
      </h1>
      <p>
        <span
          class={'badge ' + (p.status === 'approved' ? 'on' : 'neutral')}
          data-testid="plan-status"
        >
          {t(statusKey(p.status))}
        </span>{' '}
        {p.revision > 1 && <span class="muted">{t('team.revision', { n: p.revision })}</span>}
      </p>
      {p.change_reason && (
        <p class="muted">
          {t('team.changeReason')}: <bdi>{p.change_reason}</bdi>
        </p>
      )}
      {p.review_comment && (
        <p data-testid="plan-comment">
          {t('team.reviewComment')}: <bdi>{p.review_comment}</bdi>
        </p>
      )}
      {actual.data && (
        <p data-testid="plan-achieved" data-percent={actual.data.totals.percent ?? ''}>
          {t('team.achieved', {
            percent: percent(actual.data.totals.percent),
            done: actual.data.totals.done,
            moved: actual.data.totals.moved,
            missed: actual.data.totals.missed,
          })}
        </p>
      )}
      {editing ? (
        <Form class="form-narrow" data-testid="plan-edit" onSubmit={saveItems}>
          <ItemsEditor
            items={editing}
            onChange={setEditing}
            fields={w.fields}
            firstDay={p.starts_on}
          />
          {p.status === 'approved' && (
            <Field
              label={t('team.changeReason')}
              value={reason}
              onInput={setReason}
              required
              error={w.fields.reason}
              testid="plan-reason"
            />
          )}
          <div class="actions">
            <button type="submit" class="primary" disabled={w.busy} data-testid="plan-items-save">
              {t('common.save')}
            </button>
            <button type="button" class="secondary" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </Form>
      ) : (
        <ol class="plan-item-list" data-testid="plan-item-list">
          {p.items.map((i, n) => (
            <li key={n} data-testid="plan-item-row" data-outcome={outcomes?.[n]?.outcome ?? ''}>
              <Ltr>{i.day ?? i.week}</Ltr> · <bdi>{i.area_name}</bdi> · {purpose(i.purpose)}
              {i.note && (
                <>
                  {' '}
                  · <bdi>{i.note}</bdi>
                </>
              )}
              {outcomes?.[n] && (
                <span class={'badge ' + (outcomes[n].outcome === 'missed' ? 'off' : 'on')}>
                  {t(('team.outcome.' + outcomes[n].outcome) as MessageKey)}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {actual.data && actual.data.unplanned.length > 0 && (
        <>
          <h2 class="small-heading">{t('team.unplanned')}</h2>
          <ul data-testid="plan-unplanned">
            {actual.data.unplanned.map((x) => (
              <li key={x.id}>
                <a href={href('activities', x.id)}>
                  <Ltr>{x.held_on}</Ltr> · {purpose(x.type)} {x.title && <bdi>{x.title}</bdi>}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {!editing && (
        <div class="actions separated">
          {p.status !== 'submitted' && (
            <button
              type="button"
              class="secondary"
              onClick={() => setEditing(p.items)}
              data-testid="plan-edit-items"
            >
              {t('team.editItems')}
            </button>
          )}
          {(p.status === 'draft' || p.status === 'returned') && (
            <button
              type="button"
              class="primary"
              disabled={w.busy}
              onClick={() => act('submit')}
              data-testid="plan-submit"
            >
              {t('team.submit')}
            </button>
          )}
          {p.status === 'submitted' && !mine && (
            <>
              <TextAreaField
                label={t('team.reviewComment')}
                value={comment}
                onInput={setComment}
                error={w.fields.comment}
                testid="plan-review-comment"
              />
              <button
                type="button"
                class="primary"
                disabled={w.busy}
                onClick={() => act('approve', comment ? { comment } : {})}
                data-testid="plan-approve"
              >
                {t('team.approve')}
              </button>
              <button
                type="button"
                class="secondary"
                disabled={w.busy}
                onClick={() => act('return', { comment })}
                data-testid="plan-return"
              >
                {t('team.return')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
