// Collect devices: the app users that ODK Collect and KoboCollect phones sign in as. An
// administrator adds one for a staff member (it acts with their role and areas), then sees, once,
// the QR code Collect scans and the server address to type in by hand; and revokes a device,
// which stops it at once. Others see their own devices.
import { useState } from 'preact/hooks';
import { del, get, post, query } from '../../api';
import { Field, SubmitCancel } from '../../components/form_fields';
import { idRow, ListSection, Results } from '../../components/lists';
import { ConfirmBox } from '../../components/confirm_box';
import { Form } from '../../components/form';
import { Facts, fieldBinder, useWrite } from '../../components/registry_bits';
import { SearchPicker } from '../../components/search_picker';
import { useI18n } from '../../i18n';
import { clearMessages, showInfo } from '../../messages';
import type { Page, User } from '../../types';
import { useFetch } from '../../use_fetch';
import { CollectTabs, Time, type CollectRights } from './common';
import { QrCode } from './qr_code';
import type { CollectDevice, NewCollectDevice } from './types';

export function DevicesPage({ rights }: { rights: CollectRights }) {
  const { t } = useI18n();
  const { data, reload } = useFetch<{ items: CollectDevice[] }>('/devices');
  const [adding, setAdding] = useState(false);
  // The device just made, with its token: kept in this screen's memory only.
  const [made, setMade] = useState<NewCollectDevice | null>(null);
  return (
    <ListSection
      headingId="col-devices-heading"
      testid="col-devices"
      title={t('col.devicesTitle')}
      tabs={<CollectTabs current="devices" />}
      actions={
        rights.devices &&
        !adding &&
        !made && (
          <button
            type="button"
            class="primary"
            data-testid="col-device-new"
            onClick={() => setAdding(true)}
          >
            {t('col.newDevice')}
          </button>
        )
      }
    >
      <p class="muted">{t('col.devicesHelp')}</p>
      {adding && (
        <NewDeviceForm
          onCancel={() => setAdding(false)}
          onMade={(d) => {
            setAdding(false);
            setMade(d);
            reload();
          }}
        />
      )}
      {made && <ShownOnce device={made} onDone={() => setMade(null)} />}
      <Results items={data?.items} none={t('col.noDevices')} noneTestid="col-devices-none">
        {(items) => <DeviceTable items={items} canRevoke={rights.devices} onRevoked={reload} />}
      </Results>
    </ListSection>
  );
}

const deviceRow = idRow<CollectDevice>('col-device-row', (d) => ({
  'data-revoked': d.revoked_at ? 'true' : 'false',
}));

// A list rather than a table: the revoke question needs the phone's whole width.
function DeviceTable(p: { items: CollectDevice[]; canRevoke: boolean; onRevoked: () => void }) {
  const { t } = useI18n();
  return (
    <ul class="plain-list" data-testid="col-device-table">
      {p.items.map((d) => (
        <li {...deviceRow(d)}>
          <div>
            <strong>
              <bdi>{d.name}</bdi>
            </strong>{' '}
            {d.revoked_at ? (
              <span class="badge off">{t('col.revoked')}</span>
            ) : (
              <span class="badge on">{t('col.active')}</span>
            )}
          </div>
          <Facts
            rows={[
              [t('col.user'), <bdi>{d.user_name}</bdi>],
              [t('col.created'), <Time at={d.created_at} />],
              [t('col.lastUsed'), <Time at={d.last_used_at} />],
            ]}
          />
          {p.canRevoke && !d.revoked_at && <RevokeButton device={d} onRevoked={p.onRevoked} />}
        </li>
      ))}
    </ul>
  );
}

function RevokeButton({ device, onRevoked }: { device: CollectDevice; onRevoked: () => void }) {
  const { t } = useI18n();
  const w = useWrite();
  return (
    <div>
      <button
        type="button"
        class="danger small"
        aria-expanded={w.confirming}
        data-testid="col-device-revoke"
        onClick={() => w.setConfirming(!w.confirming)}
      >
        {t('col.revoke')}
      </button>
      {w.confirming && (
        <ConfirmBox
          testid="col-device-revoke"
          text={t('col.revokeConfirm', { name: device.name, user: device.user_name })}
          yes={t('col.revokeYes')}
          busy={w.busy}
          onCancel={() => w.setConfirming(false)}
          onConfirm={() =>
            w.remove(async () => {
              await del('/devices/' + encodeURIComponent(device.id));
              showInfo(t('col.revokedMsg', { name: device.name }));
              onRevoked();
            })
          }
        />
      )}
    </div>
  );
}

// The users the caller manages, for the picker (the server keeps to their areas).
const loadUsers = (path: string, signal: AbortSignal) =>
  get<Page<User>>(path, { signal }).then((p) => p.items.filter((u) => !u.disabled));

function NewDeviceForm(p: { onCancel: () => void; onMade: (d: NewCollectDevice) => void }) {
  const { t } = useI18n();
  const w = useWrite();
  const [f, setF] = useState({ name: '', user_id: '' });
  const bind = fieldBinder(f, (x) => setF({ ...f, ...x }), w.fields);
  const { data: users } = useFetch<User[]>('/users' + query({ limit: 500 }), { load: loadUsers });

  return (
    <Form
      class="subform"
      data-testid="col-device-form"
      onSubmit={() => {
        clearMessages();
        w.save(async () => p.onMade(await post<NewCollectDevice>('/devices', f)));
      }}
    >
      <h2 class="small-heading">{t('col.newDevice')}</h2>
      <Field
        label={t('col.deviceName')}
        hint={t('col.deviceNameHint')}
        {...bind('name')}
        testid="col-device-name"
      />
      <SearchPicker
        label={t('col.user')}
        {...bind('user_id')}
        onChange={(user_id) => setF({ ...f, user_id })}
        testid="col-device-user"
        options={(users ?? []).map((u) => ({ value: u.id, label: u.full_name, meta: u.username }))}
      />
      <SubmitCancel
        label={t('col.addDevice')}
        testid="col-device-save"
        disabled={w.busy}
        onCancel={p.onCancel}
      />
    </Form>
  );
}

// What Collect needs, shown once: the QR code of its settings, and the server address (which
// holds the token) to type in on a phone that cannot scan.
function ShownOnce({ device, onDone }: { device: NewCollectDevice; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <section class="subform" aria-labelledby="col-once-heading" data-testid="col-device-once">
      <h2 id="col-once-heading" class="small-heading">
        {t('col.onceTitle', { name: device.name })}
      </h2>
      <p class="notice warn" role="alert" data-testid="col-once-warning">
        {t('col.onceWarning')}
      </p>
      <p>{t('col.scanHelp')}</p>
      <QrCode text={device.settings} label={t('col.qrLabel', { name: device.name })} />
      <p>{t('col.typeHelp')}</p>
      <Facts
        rows={[
          [t('col.serverUrl'), <pre dir="ltr">{device.server_url}</pre>, 'col-once-url'],
          [t('col.token'), <pre dir="ltr">{device.token}</pre>, 'col-once-token'],
        ]}
      />
      <div class="actions">
        <button type="button" class="primary" data-testid="col-once-done" onClick={onDone}>
          {t('col.onceDone')}
        </button>
      </div>
    </section>
  );
}
