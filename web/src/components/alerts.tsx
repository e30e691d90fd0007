// The visible message line under the top bar: errors in a role=alert region, confirmations in a
// polite live region. Both regions always exist so screen readers pick up changes.
import { useI18n } from '../i18n';
import { clearMessages, messageStore } from '../messages';
import { useStore } from '../store';

export function Alerts() {
  const { t } = useI18n();
  const m = useStore(messageStore);
  return (
    <div class="alerts">
      <div
        role="alert"
        aria-live="assertive"
        data-testid="alert-error"
        class={m.error ? 'alert alert-error' : 'alert-empty'}
      >
        {m.error && (
          <>
            <span>
              {m.error}
              {m.detail && (
                <bdi class="alert-detail" dir="auto" data-testid="alert-detail">
                  {m.detail}
                </bdi>
              )}
            </span>
            <button
              type="button"
              class="link"
              onClick={clearMessages}
              aria-label={t('common.dismiss')}
            >
              ×
            </button>
          </>
        )}
      </div>
      <div
        role="status"
        aria-live="polite"
        data-testid="alert-info"
        class={m.info ? 'alert alert-info' : 'alert-empty'}
      >
        {m.info && (
          <>
            <span>{m.info}</span>
            <button
              type="button"
              class="link"
              onClick={clearMessages}
              aria-label={t('common.dismiss')}
            >
              ×
            </button>
          </>
        )}
      </div>
    </div>
  );
}
