// Create a user, or edit one: name, language, roles, enable/disable, password reset.
import { useState } from 'preact/hooks';
import { useWrite } from '../../components/registry_bits';
import { ApiError, patch, post } from '../../api';
import { Field, SelectField } from '../../components/form_fields';
import { Form } from '../../components/form';
import { newRoleRow, RolesEditor, type RoleRow } from '../../components/roles_editor';
import { DevicesList } from '../../components/devices_list';
import { useI18n } from '../../i18n';
import { clearMessages, showError, showInfo } from '../../messages';
import { ACCOUNT_LOCALES } from '../../roles';
import { href, navigate } from '../../router';
import { updateCurrentUser } from '../../session';
import { useFetch } from '../../use_fetch';
import type { User } from '../../types';
import { LoadingCard } from '../../components/loading_card';
import { UserPicker } from '../../components/user_picker';
import { fieldMessages } from '../../i18n/field_message';
import { useFieldErrors } from '../../components/field_focus';

function rowsOf(user: User): RoleRow[] {
  return user.roles.map((r) =>
    newRoleRow(r.role, { id: r.area_id, name: r.area_name ?? r.area_id }),
  );
}

function rolesBody(rows: RoleRow[]) {
  return rows.map((r) => ({ role: r.role, area_id: r.area?.id ?? '' }));
}

export function UserCreatePage() {
  const { t, lang } = useI18n();
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState<string>(lang);
  const [rows, setRows] = useState<RoleRow[]>([newRoleRow()]);
  const [supervisor, setSupervisor] = useState('');
  const w = useWrite();
  const { fields, setFields, busy } = w;

  async function submit(e: Event) {
    e.preventDefault();
    clearMessages();
    setFields({});
    await w.save(async () => {
      const user = await post<User>('/users', {
        username: username.trim(),
        full_name: fullName.trim(),
        password,
        locale,
        roles: rolesBody(rows),
        supervisor_id: supervisor || null,
      });
      showInfo(t('common.created'));
      navigate('users', user.id);
    });
  }

  return (
    <section class="card" aria-labelledby="user-new-heading">
      <Crumbs current={t('users.new')} />
      <h1 id="user-new-heading">{t('users.new')}</h1>
      <form onSubmit={submit} data-testid="user-form" class="form-narrow" noValidate>
        <Field
          label={t('users.username')}
          value={username}
          onInput={setUsername}
          required
          dir="ltr"
          autocomplete="off"
          error={fields.username}
          testid="user-username"
        />
        <Field
          label={t('users.fullName')}
          value={fullName}
          onInput={setFullName}
          required
          error={fields.full_name}
          testid="user-full-name"
        />
        <Field
          label={t('users.password')}
          type="password"
          value={password}
          onInput={setPassword}
          required
          dir="ltr"
          autocomplete="new-password"
          error={fields.password}
          testid="user-password"
        />
        <SelectField
          label={t('users.locale')}
          value={locale}
          onChange={setLocale}
          options={ACCOUNT_LOCALES}
          error={fields.locale}
          testid="user-locale"
        />
        <RolesEditor rows={rows} onChange={setRows} fields={fields} />
        <UserPicker
          label={t('users.supervisor')}
          value={supervisor}
          onChange={setSupervisor}
          allowNone
          error={fields.supervisor_id}
          testid="user-supervisor"
        />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy} data-testid="user-save">
            {t('common.create')}
          </button>
          <a class="button secondary" href={href('users')}>
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}

export function UserEditPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [user, setUser] = useState<User | null>(null);
  const [fullName, setFullName] = useState('');
  const [locale, setLocale] = useState('en');
  const [rows, setRows] = useState<RoleRow[]>([]);
  const [supervisor, setSupervisor] = useState('');
  const [password, setPassword] = useState('');
  const [fields, setFields] = useFieldErrors();

  function adopt(u: User) {
    setUser(u);
    setFullName(u.full_name);
    setLocale(u.locale);
    setRows(rowsOf(u));
    setSupervisor(u.supervisor_id ?? '');
    updateCurrentUser(u);
  }

  useFetch<User>(`/users/${encodeURIComponent(id)}`, { onData: adopt });

  if (!user) return <LoadingCard />;

  async function save(body: Record<string, unknown>, message: string) {
    if (!user) return;
    clearMessages();
    setFields({});
    try {
      adopt(
        await patch<User>(`/users/${encodeURIComponent(user.id)}`, {
          version: user.version,
          ...body,
        }),
      );
      showInfo(message);
      return true;
    } catch (err) {
      if (err instanceof ApiError) {
        setFields(fieldMessages(err));
        if (err.code === 'conflict' && err.current) adopt(err.current as User);
      }
      showError(err);
      return false;
    }
  }

  return (
    <section
      class="card"
      aria-labelledby="user-edit-heading"
      data-testid="user-edit"
      data-username={user.username}
    >
      <Crumbs current={user.username} />
      <h1 id="user-edit-heading">
        {t('users.edit')}: <span dir="ltr">{user.username}</span>
      </h1>
      <p>
        {user.disabled ? (
          <span class="badge off" data-testid="user-status">
            {t('users.disabled')}
          </span>
        ) : (
          <span class="badge on" data-testid="user-status">
            {t('users.active')}
          </span>
        )}
      </p>
      <Form
        class="form-narrow"
        data-testid="user-form"
        onSubmit={() =>
          save(
            {
              full_name: fullName.trim(),
              locale,
              roles: rolesBody(rows),
              supervisor_id: supervisor || null,
            },
            t('common.saved'),
          )
        }
      >
        <Field
          label={t('users.fullName')}
          value={fullName}
          onInput={setFullName}
          required
          error={fields.full_name}
          testid="user-full-name"
        />
        <SelectField
          label={t('users.locale')}
          value={locale}
          onChange={setLocale}
          options={ACCOUNT_LOCALES}
          error={fields.locale}
          testid="user-locale"
        />
        <RolesEditor rows={rows} onChange={setRows} fields={fields} />
        <UserPicker
          label={t('users.supervisor')}
          value={supervisor}
          onChange={setSupervisor}
          allowNone
          exclude={user.id}
          currentLabel={user.supervisor_name}
          error={fields.supervisor_id}
          testid="user-supervisor"
        />
        <div class="actions">
          <button type="submit" class="primary" data-testid="user-save">
            {t('common.save')}
          </button>
        </div>
      </Form>

      <div class="actions separated">
        <button
          type="button"
          class={user.disabled ? 'secondary' : 'danger'}
          data-testid="user-toggle-disabled"
          onClick={() => save({ disabled: !user.disabled }, t('common.saved'))}
        >
          {user.disabled ? t('users.enable') : t('users.disable')}
        </button>
      </div>

      <DevicesList userId={user.id} />

      <Form
        class="form-narrow subform"
        data-testid="user-reset-password"
        onSubmit={async () => {
          if (await save({ password }, t('common.saved'))) setPassword('');
        }}
      >
        <h2 class="small-heading">{t('users.resetPassword')}</h2>
        <Field
          label={t('users.newPassword')}
          type="password"
          value={password}
          onInput={setPassword}
          required
          dir="ltr"
          autocomplete="new-password"
          error={fields.password}
          testid="user-new-password"
        />
        <button type="submit" class="secondary" data-testid="user-reset-password-save">
          {t('users.resetPassword')}
        </button>
      </Form>
    </section>
  );
}

function Crumbs({ current }: { current: string }) {
  const { t } = useI18n();
  return (
    <nav class="breadcrumb" aria-label={t('areas.breadcrumb')}>
      <ol>
        <li>
          <a href={href('users')}>{t('users.title')}</a>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
