// Users: searchable, role-filtered list with paging.
import { useEffect, useState } from 'preact/hooks';
import { query } from '../../api';
import { Field, SelectField } from '../../components/form_fields';
import { useI18n } from '../../i18n';
import { roleLabel, roleOptions } from '../../roles';
import { Pager } from '../../components/pager';
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
        <a class="button primary" href={href('users', 'new')} data-testid="user-new">
          {t('users.new')}
        </a>
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
      {!page ? (
        <p class="muted">{t('common.loading')}</p>
      ) : page.items.length === 0 ? (
        <p class="muted">{t('users.none')}</p>
      ) : (
        <>
          <p class="muted small" data-testid="user-count">
            {t('users.count', { n: page.total })}
          </p>
          <div class="table-wrap">
            <table class="stack" data-testid="user-table">
              <thead>
                <tr>
                  <th scope="col">{t('users.username')}</th>
                  <th scope="col">{t('users.fullName')}</th>
                  <th scope="col">{t('users.roles')}</th>
                  <th scope="col">{t('users.status')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((u) => (
                  <tr key={u.id} data-testid="user-row" data-username={u.username}>
                    <td class="stack-title">
                      <a href={href('users', u.id)}>
                        <bdi dir="ltr">{u.username}</bdi>
                      </a>
                    </td>
                    <td data-label={t('users.fullName')}>{u.full_name}</td>
                    <td data-label={t('users.roles')}>
                      {u.roles
                        .map((r) => `${roleLabel(r.role)} · ${r.area_name ?? ''}`)
                        .join(t('common.listSep'))}
                    </td>
                    <td data-label={t('users.status')}>
                      {u.disabled ? (
                        <span class="badge off">{t('users.disabled')}</span>
                      ) : (
                        <span class="badge on">{t('users.active')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} onOffset={setOffset} />
        </>
      )}
    </section>
  );
}
