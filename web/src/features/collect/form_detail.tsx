// One form: its facts and submissions; its versions (download the XML, publish one); for an
// administrator a new version's upload, the devices and areas it is assigned to, and closing
// (no new submissions, still listed: "closing"; gone from phones: "closed") and reopening it.
import { useEffect, useState } from 'preact/hooks';
import { get, patch, post, request } from '../../api';
import { AreaPicker } from '../../components/area_picker';
import { Check } from '../../components/form';
import { LoadingCard } from '../../components/loading_card';
import { Crumbs, Facts, Ltr, useWrite } from '../../components/registry_bits';
import { useI18n, type MessageKey } from '../../i18n';
import { clearMessages, showInfo } from '../../messages';
import { href } from '../../router';
import { useFetch } from '../../use_fetch';
import { Time, type CollectRights } from './common';
import { FormStateBadge, FormUpload, kindLabel, PublishedVersion } from './forms';
import { FORM_STATES, type CollectDevice, type FormState, type XForm } from './types';

const formPath = (id: string) => '/forms/' + encodeURIComponent(id);

export function FormPage({ id, rights }: { id: string; rights: CollectRights }) {
  const { t } = useI18n();
  const { data: form, set } = useFetch<XForm>(formPath(id));
  if (!form) return <LoadingCard />;
  const custom = form.kind === 'custom';
  return (
    <>
      <section class="card" aria-labelledby="col-form-heading" data-testid="col-form">
        <Crumbs items={[{ href: href('collect'), label: t('col.forms') }]} current={form.title} />
        <h1 id="col-form-heading">
          <bdi>{form.title}</bdi>
        </h1>
        <Facts
          rows={[
            [t('col.formId'), <Ltr>{form.xml_form_id}</Ltr>, 'col-form-id'],
            [t('col.kind'), kindLabel(t, form.kind)],
            [t('col.state'), <FormStateBadge form={form} />],
            [t('col.published'), <PublishedVersion form={form} />, 'col-form-published'],
          ]}
        />
        <p>
          <a
            class="button secondary"
            href={href('collect', 'forms', form.id, 'submissions')}
            data-testid="col-form-submissions"
          >
            {t('col.seeSubmissions', { n: form.submissions })}
          </a>
        </p>
        {rights.forms && <StateActions form={form} onSaved={set} />}
      </section>
      <Versions form={form} canPublish={rights.forms} onSaved={set} />
      {rights.forms && custom && (
        <section class="card">
          <FormUpload
            title={t('col.newVersion')}
            onUploaded={(f) => (f.id === form.id ? set(f) : undefined)}
          />
        </section>
      )}
      {rights.forms && <Assignments form={form} onSaved={set} />}
    </>
  );
}

// Close a form (to "closing": phones keep it but send nothing new; or "closed") and reopen it.
function StateActions({ form, onSaved }: { form: XForm; onSaved: (f: XForm) => void }) {
  const { t } = useI18n();
  const w = useWrite();
  const change = (state: FormState) =>
    w.save(async () => {
      clearMessages();
      const saved = await patch<XForm>(formPath(form.id), { version: form.version, state });
      onSaved(saved);
      showInfo(t(('col.stateSaved.' + state) as MessageKey));
    });
  return (
    <div class="actions" data-testid="col-form-state-actions">
      {FORM_STATES.filter((s) => s !== form.state).map((s) => (
        <button
          key={s}
          type="button"
          class={s === 'open' ? 'primary' : 'secondary'}
          disabled={w.busy}
          data-testid={'col-form-to-' + s}
          onClick={() => change(s)}
        >
          {t(('col.to.' + s) as MessageKey)}
        </button>
      ))}
    </div>
  );
}

function Versions(p: { form: XForm; canPublish: boolean; onSaved: (f: XForm) => void }) {
  const { t } = useI18n();
  const w = useWrite();
  const { form } = p;
  const publish = (version: string) =>
    w.save(async () => {
      clearMessages();
      p.onSaved(await post<XForm>(formPath(form.id) + '/publish', { version }));
      showInfo(t('col.publishedMsg', { version: version || t('col.noVersionText') }));
    });
  const versions = [...form.versions].sort((a, b) => b.created_at.localeCompare(a.created_at));
  return (
    <section class="card" aria-labelledby="col-versions-heading" data-testid="col-versions">
      <h2 id="col-versions-heading">{t('col.versions')}</h2>
      <ul class="plain-list">
        {versions.map((v) => {
          const current = v.version === form.published_version;
          return (
            <li
              key={v.version}
              data-testid="col-version"
              data-version={v.version}
              data-published={v.published_at ? 'true' : 'false'}
            >
              <div>
                <strong>
                  <Ltr>{v.version || t('col.noVersionText')}</Ltr>
                </strong>{' '}
                {current && <span class="badge on">{t('col.current')}</span>}
              </div>
              <div class="muted small">
                {t('col.uploadedAt')} <Time at={v.created_at} />
                {v.published_at && (
                  <>
                    {' · '}
                    {t('col.publishedAt')} <Time at={v.published_at} />
                  </>
                )}
              </div>
              <div class="muted small">
                MD5 <Ltr>{v.md5}</Ltr>
              </div>
              <div class="actions">
                {p.canPublish && (
                  <a
                    class="button secondary small"
                    href={`/api/v1${formPath(form.id)}/versions/${encodeURIComponent(v.version)}.xml`}
                    download={`${form.xml_form_id}-${v.version || 'form'}.xml`}
                  >
                    {t('col.downloadXml')}
                  </a>
                )}
                {p.canPublish && !v.published_at && (
                  <button
                    type="button"
                    class="primary small"
                    disabled={w.busy}
                    data-testid="col-version-publish"
                    onClick={() => publish(v.version)}
                  >
                    {t('col.publish')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

interface Named {
  id: string;
  name: string;
}

// The devices and areas the form is offered to: a device sees it when it is assigned to the
// device, or to an area equal to or above one of its user's areas.
function Assignments({ form, onSaved }: { form: XForm; onSaved: (f: XForm) => void }) {
  const { t } = useI18n();
  const w = useWrite();
  const { data: devices } = useFetch<{ items: CollectDevice[] }>('/devices');
  const [deviceIds, setDeviceIds] = useState(form.assignments.device_ids);
  const [areas, setAreas] = useState<Named[] | null>(null);
  useEffect(() => {
    setDeviceIds(form.assignments.device_ids);
    Promise.all(
      form.assignments.area_ids.map((id) =>
        get<Named>('/areas/' + encodeURIComponent(id)).catch(() => ({ id, name: id })),
      ),
    ).then((a) => setAreas(a.map(({ id, name }) => ({ id, name }))));
  }, [form.version]);

  const live = (devices?.items ?? []).filter((d) => !d.revoked_at || deviceIds.includes(d.id));
  const save = () =>
    w.save(async () => {
      clearMessages();
      const body = { device_ids: deviceIds, area_ids: (areas ?? []).map((a) => a.id) };
      onSaved(await request<XForm>('PUT', formPath(form.id) + '/assignments', body));
      showInfo(t('col.assignedMsg'));
    });
  return (
    <section class="card" aria-labelledby="col-assign-heading" data-testid="col-assignments">
      <h2 id="col-assign-heading">{t('col.assignments')}</h2>
      <p class="muted">{t('col.assignHelp')}</p>
      <fieldset>
        <legend>{t('col.devices')}</legend>
        {live.length === 0 && <p class="muted">{t('col.noDevices')}</p>}
        {live.map((d) => (
          <Check
            key={d.id}
            checked={deviceIds.includes(d.id)}
            testid={'col-assign-device-' + d.id}
            onChange={(on) =>
              setDeviceIds(on ? [...deviceIds, d.id] : deviceIds.filter((x) => x !== d.id))
            }
            label={
              <span>
                <bdi>{d.name}</bdi>{' '}
                <span class="muted small">
                  · <bdi>{d.user_name}</bdi>
                </span>
              </span>
            }
          />
        ))}
      </fieldset>
      <h3 class="small-heading">{t('col.areas')}</h3>
      <ul class="plain-list" data-testid="col-assign-areas">
        {(areas ?? []).map((a) => (
          <li key={a.id} data-testid="col-assign-area" data-id={a.id}>
            <bdi>{a.name}</bdi>{' '}
            <button
              type="button"
              class="secondary small"
              onClick={() => setAreas((areas ?? []).filter((x) => x.id !== a.id))}
            >
              {t('col.remove')}
            </button>
          </li>
        ))}
      </ul>
      <AreaPicker
        label={t('col.addArea')}
        value={null}
        testid="col-assign-area-picker"
        onChange={(a) => a && !areas?.some((x) => x.id === a.id) && setAreas([...(areas ?? []), a])}
      />
      {Object.keys(w.fields).length > 0 && (
        <p class="field-error" data-testid="col-assign-error">
          {Object.values(w.fields).join(t('common.listSep'))}
        </p>
      )}
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={w.busy || areas === null}
          data-testid="col-assign-save"
          onClick={save}
        >
          {t('col.saveAssignments')}
        </button>
      </div>
    </section>
  );
}
