// My account: change my password.
import { useState } from 'preact/hooks';
import { ApiError, post } from '../../api';
import { DevicesList } from '../../components/devices_list';
import { Field, SelectField } from '../../components/form_fields';
import {
  chooseDigits,
  DIGIT_STYLES,
  digitsStore,
  intlLocale,
  isDigits,
  useI18n,
  type MessageKey,
} from '../../i18n';
import { useStore } from '../../store';
import { clearMessages, showError, showInfo } from '../../messages';
import type { User } from '../../types';
import { roleLabel } from '../../roles';
import { fieldMessages } from '../../i18n/field_message';
import { useFieldErrors } from '../../components/field_focus';

// The digits numbers and dates are written in, each shown as it looks ("१२३ Devanagari").
function DigitsChoice() {
  const { lang, t } = useI18n();
  const digits = useStore(digitsStore);
  const options = DIGIT_STYLES.map((d) => ({
    value: d,
    label: `${(1234567890).toLocaleString(intlLocale(lang, d), { useGrouping: false })} · ${t(
      ('digits.' + d) as MessageKey,
    )}`,
  }));
  return (
    <div class="form-narrow">
      <SelectField
        label={t('digits.label')}
        value={digits}
        onChange={(v) => isDigits(v) && chooseDigits(v)}
        options={options}
        testid="digits-choice"
      />
    </div>
  );
}

export function AccountPage({ user }: { user: User }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [fields, setFields] = useFieldErrors();

  async function submit(e: Event) {
    e.preventDefault();
    clearMessages();
    if (next !== repeat) {
      setFields({ repeat: t('account.mismatch') });
      showError(t('account.mismatch'));
      return;
    }
    setFields({});
    try {
      await post('/session/password', { current_password: current, new_password: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      showInfo(t('account.changed'));
    } catch (err) {
      if (err instanceof ApiError) setFields(fieldMessages(err));
      showError(err);
    }
  }

  return (
    <section class="card" aria-labelledby="account-heading">
      <h1 id="account-heading">{t('account.title')}</h1>
      <dl class="facts">
        <dt>{t('users.username')}</dt>
        <dd dir="ltr">{user.username}</dd>
        <dt>{t('users.fullName')}</dt>
        <dd>{user.full_name}</dd>
        <dt>{t('users.roles')}</dt>
        <dd>
          {user.roles
            .map((r) => `${roleLabel(r.role)} · ${r.area_name ?? ''}`)
            .join(t('common.listSep'))}
        </dd>
      </dl>
      <DigitsChoice />
      <form class="form-narrow" onSubmit={submit} data-testid="password-form">
        <h2>{t('account.changePassword')}</h2>
        <Field
          label={t('account.current')}
          type="password"
          value={current}
          onInput={setCurrent}
          required
          dir="ltr"
          autocomplete="current-password"
          error={fields.current_password}
          testid="password-current"
        />
        <Field
          label={t('account.new')}
          type="password"
          value={next}
          onInput={setNext}
          required
          dir="ltr"
          autocomplete="new-password"
          error={fields.new_password}
          testid="password-new"
        />
        <Field
          label={t('account.repeat')}
          type="password"
          value={repeat}
          onInput={setRepeat}
          required
          dir="ltr"
          autocomplete="new-password"
          error={fields.repeat}
          testid="password-repeat"
        />
        <button type="submit" class="primary" data-testid="password-save">
          {t('account.changePassword')}
        </button>
      </form>
      <DevicesList userId={user.id} />
    </section>
  );
}
