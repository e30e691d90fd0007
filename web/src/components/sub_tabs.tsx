// A screen group's row of tabs (a <nav class="subnav">): each tab a link to its path, the
// current one marked; testids `<prefix>-tab-<id>`.
import { useI18n, type MessageKey } from '../i18n';
import { href } from '../router';

export interface SubTab<Id extends string> {
  id: Id;
  path: string[];
  label: MessageKey;
}

export function SubTabs<Id extends string>(p: {
  tabs: SubTab<Id>[];
  current: Id;
  label: MessageKey;
  prefix: string;
}) {
  const { t } = useI18n();
  return (
    <nav class="subnav" aria-label={t(p.label)}>
      <ul>
        {p.tabs.map((x) => (
          <li key={x.id}>
            <a
              href={href(...x.path)}
              aria-current={x.id === p.current ? 'page' : undefined}
              data-testid={`${p.prefix}-tab-${x.id}`}
            >
              {t(x.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
