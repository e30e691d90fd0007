// Today's plan on the home screen: the items for today of the user's current work plans (a
// month, week or day plan that is submitted or approved). The plans are kept on the phone each
// time they are read (offline/kept.ts), so without a connection the card shows the copy.
import { useEffect, useState } from 'preact/hooks';
import { query } from '../../api';
import { hasKey, useI18n } from '../../i18n';
import { getKept } from '../../offline/kept';
import type { RegistryConfig } from '../../types';
import { href } from '../../router';
import type { Page, User } from '../../types';
import { activityTypeLabel } from '../fieldwork/common';
import type { PlanItem, WorkPlan } from '../team/common';

interface TodayItem {
  plan: WorkPlan;
  item: PlanItem;
}

const CURRENT = ['submitted', 'approved'];

// The month's plans are asked with the month as the key, so the copy serves every day of it.
async function todayItems(user: User, today: string): Promise<TodayItem[]> {
  const month = today.slice(0, 7);
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const plans = await getKept<Page<WorkPlan>>(
    '/work-plans' + query({ owner: user.id, from: `${month}-01`, to: last, limit: 100 }),
  );
  const current = plans.items.filter(
    (p) => CURRENT.includes(p.status) && p.starts_on <= today && today <= p.ends_on,
  );
  const out: TodayItem[] = [];
  for (const p of current) {
    const plan = await getKept<WorkPlan>(`/work-plans/${encodeURIComponent(p.id)}`);
    for (const item of plan.items) {
      const on = item.day ? item.day === today : !!item.starts_on && item.starts_on <= today;
      if (on && (item.day || (item.ends_on ?? '') >= today)) out.push({ plan, item });
    }
  }
  return out;
}

export function TodayPlan({
  user,
  today,
  config,
}: {
  user: User;
  today: string;
  config: RegistryConfig | null;
}) {
  const { t } = useI18n();
  const [items, setItems] = useState<TodayItem[] | null>(null);
  useEffect(() => {
    todayItems(user, today)
      .then(setItems)
      .catch(() => setItems([]));
  }, [user.id, today]);
  const purpose = (p: string) => {
    const key = 'team.purpose.' + p;
    return hasKey(key) ? t(key) : activityTypeLabel(config, p);
  };
  if (items === null) return <p class="muted">{t('common.loading')}</p>;
  if (items.length === 0)
    return (
      <p class="muted" data-testid="home-plan" data-state="none">
        {t('team.todayNone')}
      </p>
    );
  return (
    <ul class="home-list" data-testid="home-plan" data-state="items" data-count={items.length}>
      {items.map(({ plan, item }, i) => (
        <li key={plan.id + i} data-testid="home-plan-item">
          <a href={href('team', 'plans', plan.id)}>
            {purpose(item.purpose)} · <bdi>{item.area_name}</bdi>
          </a>{' '}
          <span class="muted">{t(('team.kind.' + plan.kind) as 'team.kind.day')}</span>
          {item.note && (
            <div class="hint">
              <bdi dir="auto">{item.note}</bdi>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
