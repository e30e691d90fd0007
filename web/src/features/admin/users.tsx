// Users: searchable, role-filtered list with paging.
import { useEffect, useState } from 'preact/hooks';
import { query } from '../../api';
import { Field, SelectField } from '../../components/form_fields';
import { useI18n } from '../../i18n';
import { roleLabel, roleOptions } from '../../roles';
import { PagedTable } from '../../components/lists';
import { href } from '../../router';
import type { Page, User } from '../../types';
import { useFetch } from '../../use_fetch';

const LIMIT = 50;

export function UsersPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [offset, setOffset] = useState(0);

  useEffect(() => setOffset(0), [q, role]);

  const { data: page } = useFetch<Page<User>>(
    '/users' + query({ q: q.trim(), role, limit: LIMIT, offset }),
    { delay: 200 },
  );

  return (
    <section class="card" aria-labelledby="users-heading">
      <div class="section-head">
        <h1 id="users-heading">{t('users.title')}</h1>
        <div class="actions">
          <a class="button" href={href('users', 'import')} data-testid="user-import-link">
            {t('users.import')}
          </a>
          <a class="button primary" href={href('users', 'new')} data-testid="user-new">
            {t('users.new')}
          </a>
        </div>
      </div>
      <div class="filters">
        <Field
          type="search"
          label={t('users.search')}
          value={q}
          onInput={setQ}
          testid="user-search"
        />
        <SelectField
          label={t('users.roleFilter')}
          value={role}
          onChange={setRole}
          testid="user-role-filter"
          options={[{ value: '', label: t('users.allRoles') }, ...roleOptions()]}
        />
      </div>
      <PagedTable
        page={page}
        testid="user"
        tableTestid="user-table"
        none={t('users.none')}
        count={page ? t('users.count', { n: page.total }) : undefined}
        onOffset={setOffset}
        row={(u) => ({ key: u.id, 'data-testid': 'user-row', 'data-username': u.username })}
        columns={[
          {
            label: t('users.username'),
            cell: (u) => (
              <a href={href('users', u.id)}>
                <bdi dir="ltr">{u.username}</bdi>
              </a>
            ),
          },
          { label: t('users.fullName'), cell: (u) => u.full_name },
          {
            label: t('users.roles'),
            cell: (u) =>
              u.roles
                .map((r) => `${roleLabel(r.role)} · ${r.area_name ?? ''}`)
                .join(t('common.listSep')),
          },
          {
            label: t('users.status'),
            cell: (u) =>
              u.disabled ? (
                <span class="badge off">{t('users.disabled')}</span>
              ) : (
                <span class="badge on">{t('users.active')}</span>
              ),
          },
        ]}
      />
    </section>
  );
}
