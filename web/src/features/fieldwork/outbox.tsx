// The outbox: what this phone holds and has not sent yet, in the order it will be sent; each
// refused entry with the server's reasons (fix it in its form, or discard it), each conflict with
// both versions side by side (keep mine, or take theirs). Above it, the device store's state:
// online or not, last sync, storage used, and buttons to sync or send now.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { FieldErrorList, fieldLabel } from '../../components/field_errors';
import { ago } from '../../components/offline_status';
import { useI18n } from '../../i18n';
import { fieldMessages } from '../../i18n/field_message';
import { describeError, showError, showInfo } from '../../messages';
import type { OutboxEntry } from '../../offline/db';
import { currentDb, usage } from '../../offline/db';
import {
  discard,
  entries,
  flush,
  keepMine,
  onOutboxChange,
  takeTheirs,
} from '../../offline/outbox';
import { offlineStore } from '../../offline/status';
import { syncNow } from '../../offline/sync';
import { navigate } from '../../router';
import { useStore } from '../../store';

const mb = (n: number) => (n / 1048576).toFixed(1);

// The screen that reopens a refused entry in its form. A membership's names the membership
// (entries queued before that named only its institution).
function fixRoute(e: OutboxEntry): string[] {
  const edit = e.edit ?? '';
  const route =
    e.entity === 'memberships' && !edit.includes('/members/')
      ? `${edit}/members/${e.record}`
      : edit;
  return route.split('/');
}

export function OutboxPage() {
  const { t, lang } = useI18n();
  const s = useStore(offlineStore);
  const [list, setList] = useState<OutboxEntry[] | null>(null);
  const [space, setSpace] = useState<{ usage: number; quota: number } | null>(null);

  useEffect(() => {
    const load = () => entries().then(setList).catch(showError);
    load();
    usage().then(setSpace);
    return onOutboxChange(load);
  }, []);

  const syncing = s.phase === 'syncing';
  return (
    <section class="card" aria-labelledby="outbox-heading" data-testid="outbox">
      <h1 id="outbox-heading">{t('off.title')}</h1>
      <dl class="facts" data-testid="outbox-state">
        <dt>{t('off.connection')}</dt>
        <dd data-testid="outbox-online">{s.online ? t('off.online') : t('offline.offline')}</dd>
        <dt>{t('off.lastSync')}</dt>
        <dd data-testid="outbox-last-synced">
          {s.last_synced ? ago(lang, s.last_synced) : t('offline.neverSynced')}
          {s.phase === 'unavailable' && <> · {t('off.noFeed')}</>}
          {s.phase === 'error' && <> · {t('off.syncFailed')}</>}
        </dd>
        <dt>{t('off.storage')}</dt>
        <dd data-testid="outbox-usage">
          {space ? t('off.used', { used: mb(space.usage), quota: mb(space.quota) }) : '—'}
        </dd>
      </dl>
      {syncing && s.total > 0 && (
        <progress max={s.total} value={s.done} class="wide" data-testid="outbox-progress" />
      )}
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={!s.online || syncing}
          data-testid="outbox-sync"
          onClick={async () => {
            const d = currentDb();
            if (d) await syncNow(await d);
          }}
        >
          {syncing ? t('offline.syncingShort') : t('off.syncNow')}
        </button>
        {s.waiting > 0 && (
          <button
            type="button"
            class="secondary"
            disabled={!s.online}
            data-testid="outbox-send"
            onClick={() => flush().catch(showError)}
          >
            {t('off.sendNow')}
          </button>
        )}
      </div>

      <h2>{t('off.queue')}</h2>
      {list && list.length === 0 && (
        <p class="muted" data-testid="outbox-empty">
          {s.sent ? t('offline.sent') : t('off.empty')}
        </p>
      )}
      {(list ?? []).map((e) => (
        <Entry key={e.seq} e={e} />
      ))}
    </section>
  );
}

function Entry({ e }: { e: OutboxEntry }) {
  const { t, lang } = useI18n();
  const state =
    e.state === 'conflict'
      ? t('off.stateConflict')
      : e.state === 'failed'
        ? t('off.stateFailed')
        : e.attempts > 0
          ? t('off.stateRetry', { n: e.attempts })
          : t('off.stateWaiting');
  // The server's reasons in the user's language, each with its field's name.
  const fields = Object.entries(fieldMessages(e.error));
  const said = e.error ? describeError(new ApiError(e.error.status, e.error)) : null;
  return (
    <article
      class="outbox-entry"
      data-testid="outbox-entry"
      data-state={e.state}
      data-record={e.record}
      data-kind={e.kind}
    >
      <div class="row-between">
        <strong>
          <bdi>{e.label}</bdi>
        </strong>
        <span class="muted small">{ago(lang, e.created_at)}</span>
      </div>
      <p class="small" data-testid="outbox-entry-state">
        {state}
      </p>
      {e.state !== 'waiting' && e.error && (
        <div class="notice warn" data-testid="outbox-error">
          <p>
            {said?.text}
            {fields.length === 0 && said?.detail && (
              <bdi class="alert-detail" dir="auto">
                {said.detail}
              </bdi>
            )}
          </p>
          {fields.length > 0 && (
            <FieldErrorList errors={fields} entity={e.entity} itemTestid="outbox-field-error" />
          )}
        </div>
      )}
      {e.state === 'conflict' && <Conflict e={e} />}
      <div class="actions">
        {e.state === 'failed' && e.edit && (
          <button
            type="button"
            class="primary"
            data-testid="outbox-fix"
            onClick={() => navigate(...fixRoute(e))}
          >
            {t('off.fix')}
          </button>
        )}
        {e.state === 'conflict' && (
          <>
            <button
              type="button"
              class="primary"
              data-testid="outbox-keep-mine"
              onClick={() =>
                keepMine(e.seq!)
                  .then(() => showInfo(t('off.keptMine')))
                  .catch(showError)
              }
            >
              {t('off.keepMine')}
            </button>
            <button
              type="button"
              class="secondary"
              data-testid="outbox-take-theirs"
              onClick={() =>
                takeTheirs(e.seq!)
                  .then(() => showInfo(t('off.tookTheirs')))
                  .catch(showError)
              }
            >
              {t('off.takeTheirs')}
            </button>
          </>
        )}
        {e.state !== 'waiting' && (
          <button
            type="button"
            class="secondary"
            data-testid="outbox-discard"
            onClick={() => {
              if (window.confirm(t('off.discardConfirm', { label: e.label })))
                discard(e.seq!).catch(showError);
            }}
          >
            {t('off.discard')}
          </button>
        )}
      </div>
    </article>
  );
}

// The fields where my queued edit and the server's record differ.
function Conflict({ e }: { e: OutboxEntry }) {
  const { t } = useI18n();
  const mine = (e.body ?? {}) as Record<string, unknown>;
  const theirs = (e.error?.current ?? {}) as Record<string, unknown>;
  const show = (v: unknown) =>
    v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  const keys = Object.keys(mine).filter(
    (k) => k !== 'version' && k in theirs && show(mine[k]) !== show(theirs[k]),
  );
  return (
    <table class="conflict-table" data-testid="outbox-conflict">
      <thead>
        <tr>
          <th scope="col">{t('off.field')}</th>
          <th scope="col">{t('off.mine')}</th>
          <th scope="col">{t('off.theirs')}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k} data-testid="outbox-conflict-row" data-field={k}>
            <th scope="row">{fieldLabel(k, e.entity)}</th>
            <td data-testid="outbox-mine">
              <bdi>{show(mine[k])}</bdi>
            </td>
            <td data-testid="outbox-theirs">
              <bdi>{show(theirs[k])}</bdi>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
