// Pieces the training screens share: their tab row, and number formats for scores and gains.
import { useI18n, type MessageKey } from '../i18n';
import { num } from '../registry_data';
import { href } from '../router';

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
