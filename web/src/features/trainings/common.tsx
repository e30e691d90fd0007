// Pieces the training screens share: their tab row, number formats for scores and gains, and
// what the caller may do here.
import { useI18n, type MessageKey } from '../../i18n';
import { num } from '../../registry_data';
import { href } from '../../router';
import type { Permission } from '../../types';

const TABS: { path: string[]; key: MessageKey; id: string }[] = [
  { path: ['trainings'], key: 'tr.events', id: 'events' },
  { path: ['trainings', 'courses'], key: 'tr.courses', id: 'courses' },
  { path: ['trainings', 'needs'], key: 'tr.needs', id: 'needs' },
  { path: ['trainings', 'plans'], key: 'tr.plans', id: 'plans' },
  { path: ['trainings', 'achievement'], key: 'tr.achievement', id: 'achievement' },
];

export type TrainingTab = 'events' | 'courses' | 'needs' | 'plans' | 'achievement';

export function TrainingTabs({ current }: { current: TrainingTab }) {
  const { t } = useI18n();
  return (
    <nav class="subnav" aria-label={t('nav.trainings')}>
      <ul>
        {TABS.map((x) => (
          <li key={x.id}>
            <a
              href={href(...x.path)}
              aria-current={x.id === current ? 'page' : undefined}
              data-testid={'tr-tab-' + x.id}
            >
              {t(x.key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// A score or absolute gain: up to one decimal; none: a dash.
export const score = (n: number | null | undefined) =>
  n === null || n === undefined ? '–' : num(n, 1);
// A normalised gain, (post − pre) / (max − pre): two decimals.
export const ratio = (n: number | null | undefined) =>
  n === null || n === undefined ? '–' : num(n, 2);

export const PRIORITIES = ['high', 'medium', 'low'];
export const APPLIES = ['yes', 'partly', 'no'];

// What the caller may do in the training section, from the session's permissions.
export interface TrainingRights {
  // Records trainings, needs and follow-ups.
  write: boolean;
  // Keeps the course catalogue.
  courses: boolean;
  // Sets plans.
  plans: boolean;
  verifier: boolean;
}

export function rightsOf(can: (p: Permission) => boolean): TrainingRights {
  return {
    write: can('activity.write'),
    courses: can('course.write'),
    plans: can('training_plan.write'),
    verifier: can('activity.verify'),
  };
}
