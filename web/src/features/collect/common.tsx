// Pieces the Collect screens share: their tab row, what the caller may do, a time, a review
// state's badge.
import { when } from '../../components/devices_list';
import { useI18n, type MessageKey } from '../../i18n';
import { href } from '../../router';
import type { Permission } from '../../types';

export interface CollectRights {
  // Makes and revokes devices for the users of their areas.
  devices: boolean;
  // Uploads, publishes, assigns and closes forms.
  forms: boolean;
  // Sets a submission's review state.
  review: boolean;
}

export function rightsOf(can: (p: Permission) => boolean): CollectRights {
  return {
    devices: can('user.write'),
    forms: can('config.write'),
    review: can('activity.verify') || can('config.write'),
  };
}

export function CollectTabs({ current }: { current: 'forms' | 'devices' }) {
  const { t } = useI18n();
  const tabs: [typeof current, string[], MessageKey][] = [
    ['forms', ['collect'], 'col.forms'],
    ['devices', ['collect', 'devices'], 'col.devices'],
  ];
  return (
    <nav class="subnav" aria-label={t('nav.collect')}>
      <ul>
        {tabs.map(([id, path, key]) => (
          <li key={id}>
            <a
              href={href(...path)}
              aria-current={id === current ? 'page' : undefined}
              data-testid={'col-tab-' + id}
            >
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// A time as YYYY-MM-DD HH:MM (left to right in every language); none: a dash.
export function Time({ at }: { at: string | null | undefined }) {
  return at ? (
    <time dir="ltr" dateTime={at} class="nowrap">
      {when(at)}
    </time>
  ) : (
    <>–</>
  );
}

const REVIEW_CLASS: Record<string, string> = {
  received: 'neutral',
  has_issues: 'warn',
  approved: 'on',
  rejected: 'off',
  edited: 'neutral',
};

export function ReviewBadge({ state }: { state: string }) {
  const { t } = useI18n();
  return (
    <span
      class={'badge ' + (REVIEW_CLASS[state] ?? 'neutral')}
      data-testid="review-badge"
      data-state={state}
    >
      {t(('col.review.' + state) as MessageKey)}
    </span>
  );
}
