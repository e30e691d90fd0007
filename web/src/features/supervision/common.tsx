// Pieces the supervision screens share: their tab row, the supervision checklists, an action's
// status badge, the place and date of a visit or meeting form.
import { useState } from 'preact/hooks';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Field } from '../../components/form_fields';
import { SubTabs, type SubTab } from '../../components/sub_tabs';
import { useI18n, type MessageKey } from '../../i18n';
import { todayIso, useConfig } from '../../registry_data';
import type { Checklist } from '../../types';
import type { SupervisionAction } from './types';

export type SupervisionTab = 'visits' | 'meetings' | 'actions' | 'report';

const TABS: SubTab<SupervisionTab>[] = [
  { id: 'visits', path: ['supervision'], label: 'sup.visits' },
  { id: 'meetings', path: ['supervision', 'meetings'], label: 'sup.meetings' },
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

export interface Place {
  area: PickedArea | null;
  setArea: (a: PickedArea | null) => void;
  on: string;
  setOn: (on: string) => void;
}

// The place and date a form starts from: `area`, today.
export function usePlace(area: PickedArea | null): Place {
  const [a, setArea] = useState(area);
  const [on, setOn] = useState(todayIso());
  return { area: a, setArea, on, setOn };
}

// Where (an area the caller supervises) and when (today or before) a visit or meeting was held;
// testids `<prefix>-area`, `<prefix>-date`.
export function WhereAndWhen(
  p: Place & {
    dateField: string;
    dateLabel: MessageKey;
    fields: Record<string, string>;
    prefix: string;
  },
) {
  const { t } = useI18n();
  return (
    <>
      <AreaPicker
        label={t('sup.area')}
        value={p.area}
        onChange={p.setArea}
        error={p.fields.area_id}
        testid={p.prefix + '-area'}
      />
      <Field
        type="date"
        label={t(p.dateLabel)}
        value={p.on}
        onInput={p.setOn}
        max={todayIso()}
        error={p.fields[p.dateField]}
        testid={p.prefix + '-date'}
      />
    </>
  );
}
