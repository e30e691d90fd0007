// The caller's team as a tree: each member indented under their supervisor, with their roles.
import { LoadingCard } from '../../components/loading_card';
import { roleLabel } from '../../roles';
import { useI18n } from '../../i18n';
import type { User } from '../../types';
import { useFetch } from '../../use_fetch';
import { TeamTabs, type TeamMember } from './common';

export function TeamPage({ user }: { user: User }) {
  const { t } = useI18n();
  const { data } = useFetch<{ items: TeamMember[] }>('/team');
  if (!data) return <LoadingCard />;
  const below = data.items.length - 1;
  return (
    <section class="card" aria-labelledby="team-heading" data-testid="team">
      <TeamTabs current="team" />
      <h1 id="team-heading">{t('team.title')}</h1>
      <p class="muted">{t('team.intro')}</p>
      {user.supervisor_name && <p>{t('team.reportsTo', { name: user.supervisor_name })}</p>}
      {below === 0 ? (
        <p data-testid="team-empty">{t('team.none')}</p>
      ) : (
        <p>{t('team.members', { count: below })}</p>
      )}
      <ul class="team-tree" data-testid="team-tree">
        {data.items.map((m) => (
          <li
            key={m.user.id}
            data-testid="team-member"
            data-username={m.user.username}
            data-depth={m.depth}
            style={{ paddingInlineStart: `${m.depth * 1.25}rem` }}
          >
            <bdi class="team-name">{m.user.full_name}</bdi>{' '}
            <span class="muted" dir="ltr">
              {m.user.username}
            </span>
            <div class="muted small">
              {m.user.roles.map((r) => `${roleLabel(r.role)} · ${r.area_name ?? ''}`).join(', ')}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
