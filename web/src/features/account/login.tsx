// The sign-in screen.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { Alerts } from '../../components/alerts';
import { Field } from '../../components/form_fields';
import { LanguageSwitch } from '../../components/language_switch';
import { useI18n } from '../../i18n';
import { clearMessages, showError } from '../../messages';
import { looksLikeFieldDevice, thisDevice } from '../../device';
import { login } from '../../session';
import { fieldMessages } from '../../i18n/field_message';
import { useFieldErrors } from '../../components/field_focus';

export function LoginPage({ ended }: { ended: boolean }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [keep, setKeep] = useState(looksLikeFieldDevice);
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useFieldErrors();

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    clearMessages();
    setFields({});
    try {
      await login(username.trim(), password, keep ? thisDevice() : undefined);
    } catch (err) {
      if (err instanceof ApiError) setFields(fieldMessages(err));
      showError(err);
      setBusy(false);
    }
  }

  return (
    <div class="login-page">
      <header class="login-header">
        <img src="./icon.svg" alt="" width={40} height={40} />
        <div>
          <div class="brand">{t('app.name')}</div>
          <div class="muted">{t('app.tagline')}</div>
        </div>
      </header>
      <main class="card login-card">
        <h1>{t('login.title')}</h1>
        {ended && (
          <p class="notice" data-testid="session-ended">
            {t('login.sessionEnded')}
          </p>
        )}
        <Alerts />
        <form onSubmit={submit} data-testid="login-form">
          <Field
            label={t('login.username')}
            value={username}
            onInput={setUsername}
            testid="login-username"
            autocomplete="username"
            required
            dir="ltr"
            error={fields.username}
          />
          <Field
            label={t('login.password')}
            type="password"
            value={password}
            onInput={setPassword}
            testid="login-password"
            autocomplete="current-password"
            required
            dir="ltr"
            error={fields.password}
          />
          <label class="check">
            <input
              type="checkbox"
              checked={keep}
              onChange={(e) => setKeep((e.target as HTMLInputElement).checked)}
              data-testid="login-keep"
            />{' '}
            {t('login.keep')}
          </label>
          <button type="submit" class="primary wide" disabled={busy} data-testid="login-submit">
            {busy ? t('login.busy') : t('login.submit')}
          </button>
        </form>
        <LanguageSwitch />
      </main>
    </div>
  );
}
