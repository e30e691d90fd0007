// A user's device sessions (phones and browsers signed in for 30 days after last use), each
// with a button that signs it out at once: on the user's page for administrators, and on the
// account page for the user themself.
import { del } from '../api';
import { useI18n } from '../i18n';
import { clearMessages, showError, showInfo } from '../messages';
import type { Device } from '../types';
import { useFetch } from '../use_fetch';

// YYYY-MM-DD HH:MM in local time: the same in every language.
export function when(iso: string): string {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export function DevicesList({ userId }: { userId: string }) {
  const { t } = useI18n();
  const base = `/users/${encodeURIComponent(userId)}/devices`;
  const { data, reload } = useFetch<{ items: Device[] }>(base);

  async function revoke(d: Device) {
    if (!window.confirm(t('devices.revokeConfirm', { name: d.name }))) return;
    clearMessages();
    try {
      await del(`${base}/${encodeURIComponent(d.id)}`);
      showInfo(t('devices.revokedMsg'));
      reload();
    } catch (err) {
      showError(err);
    }
  }

  return (
    <section class="subform" aria-labelledby="devices-heading" data-testid="devices">
      <h2 id="devices-heading" class="small-heading">
        {t('devices.title')}
      </h2>
      {!data ? (
        <p class="muted">{t('common.loading')}</p>
      ) : data.items.length === 0 ? (
        <p class="muted" data-testid="devices-empty">
          {t('devices.none')}
        </p>
      ) : (
        <ul class="plain-list" data-testid="devices-list">
          {data.items.map((d) => (
            <li
              key={d.id}
              data-testid="device-row"
              data-device-id={d.id}
              data-revoked={d.revoked_at ? 'true' : 'false'}
            >
              <div>
                <bdi dir="auto">
                  <strong>{d.name}</strong>
                </bdi>
              </div>
              <div class="muted small">
                {t('devices.lastSeen')}: <time dir="ltr">{when(d.last_seen_at)}</time>
              </div>
              {d.revoked_at ? (
                <span class="badge off" data-testid="device-revoked">
                  {t('devices.revoked')}
                </span>
              ) : (
                <button
                  type="button"
                  class="danger small"
                  data-testid="device-revoke"
                  onClick={() => revoke(d)}
                >
                  {t('devices.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
