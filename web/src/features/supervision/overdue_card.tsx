// The home screen's overdue supervision actions: those given to the caller or agreed by them
// whose due date has passed and that are not done yet. Shown only when online (the actions are
// not in the phone's working set).
import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import type { Page } from '../../types';
import { actionPlace, type SupervisionAction } from './types';

export function OverdueActionsCard() {
  const { t } = useI18n();
  const [items, setItems] = useState<SupervisionAction[] | null>(null);
  useEffect(() => {
    if (!navigator.onLine) return;
    get<Page<SupervisionAction>>('/supervision-actions?mine=true&overdue=true&limit=20')
      .then((p) => setItems(p.items))
      .catch(() => setItems(null));
  }, []);
  if (items === null) return null;
  return (
    <>
      <h2>{t('sup.homeOverdue')}</h2>
      <ul class="home-list" data-testid="home-sup-overdue" data-count={items.length}>
        {items.length === 0 && <li class="muted">{t('sup.homeOverdueNone')}</li>}
        {items.map((a) => (
          <li key={a.id} data-testid="home-sup-action" data-id={a.id}>
            <a href={href(...actionPlace(a))}>
              <bdi dir="auto">{a.what}</bdi>
            </a>{' '}
            <span class="muted small">
              {t('sup.assignedTo', { name: a.assignee_name ?? '' })} ·{' '}
              {t('sup.dueOn', { date: a.due_on })}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
