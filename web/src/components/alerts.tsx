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
      <AlertLine
        role="alert"
        live="assertive"
        testid="alert-error"
        kind="alert-error"
        text={m.error}
        detail={m.detail}
        dismiss={t('common.dismiss')}
      />
      <AlertLine
        role="status"
        live="polite"
        testid="alert-info"
        kind="alert-info"
        text={m.info}
        dismiss={t('common.dismiss')}
      />
    </div>
  );
}

// One region: always present (empty when there is nothing to say), with a dismiss button.
function AlertLine(p: {
  role: 'alert' | 'status';
  live: 'assertive' | 'polite';
  testid: string;
  kind: string;
  text?: string | null;
  detail?: string | null;
  dismiss: string;
}) {
  return (
    <div
      role={p.role}
      aria-live={p.live}
      data-testid={p.testid}
      class={p.text ? 'alert ' + p.kind : 'alert-empty'}
    >
      {p.text && (
        <>
          <span>
            {p.text}
            {p.detail && (
              <bdi class="alert-detail" dir="auto" data-testid="alert-detail">
                {p.detail}
              </bdi>
            )}
          </span>
          <button type="button" class="link" onClick={clearMessages} aria-label={p.dismiss}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
