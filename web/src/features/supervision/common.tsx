// Pieces the supervision screens share: their tab row, the supervision checklists, an action's
// status badge.
import { SubTabs, type SubTab } from '../../components/sub_tabs';
import { useI18n, type MessageKey } from '../../i18n';
import { useConfig } from '../../registry_data';
import type { Checklist } from '../../types';
import type { SupervisionAction } from './types';

export type SupervisionTab = 'visits' | 'actions' | 'report';

const TABS: SubTab<SupervisionTab>[] = [
  { id: 'visits', path: ['supervision'], label: 'sup.visits' },
  { id: 'actions', path: ['supervision', 'actions'], label: 'sup.actions' },
  { id: 'report', path: ['supervision', 'report'], label: 'sup.report' },
];

export function SupervisionTabs({ current }: { current: SupervisionTab }) {
  return <SubTabs tabs={TABS} current={current} label="nav.supervision" prefix="sup" />;
}

// The checklists configured for supervision visits.
export function useSupervisionChecklists(): Checklist[] {
  const config = useConfig();
  return (config?.checklists ?? []).filter((c) => c.purpose === 'supervision');
}

const STATUS_CLASS = { open: 'warn', done: 'neutral', closed: 'on' };

// The action's status, and "overdue" beside it when it is.
export function ActionBadges({ a }: { a: SupervisionAction }) {
  const { t } = useI18n();
  return (
    <>
      <span
        class={'badge ' + STATUS_CLASS[a.status]}
        data-testid="sup-action-status"
        data-status={a.status}
      >
        {t(('sup.status.' + a.status) as MessageKey)}
      </span>
      {a.overdue && (
        <span class="badge off" data-testid="sup-action-overdue">
          {t('sup.overdue')}
        </span>
      )}
    </>
  );
}
