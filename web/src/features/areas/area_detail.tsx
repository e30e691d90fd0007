// One area: breadcrumb, facts, sub-areas, and the admin actions (edit, add child, move, delete).
import { useState } from 'preact/hooks';
import { ApiError, del, patch, post } from '../../api';
import { levelLabel, areaById, childAreas, expandAll, treeChanged } from '../../area_data';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Field, SubmitCancel } from '../../components/form_fields';
import { useI18n } from '../../i18n';
import { clearMessages, showError, showInfo } from '../../messages';
import { href, navigate } from '../../router';
import type { Area } from '../../types';
import { useFetch } from '../../use_fetch';
import { fieldMessages } from '../../i18n/field_message';
import { useFieldErrors } from '../../components/field_focus';

type Mode = 'view' | 'edit' | 'child' | 'move' | 'delete';

export function AreaDetail({ id, canEdit }: { id: string; canEdit: boolean }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>('view');
  const [reload, setReload] = useState(0);
  // The area and its sub-areas, read again after each change (the key counts them).
  const { data, set } = useFetch<{ area: Area; children: Area[] }>(`${id}#${reload}`, {
    load: async () => {
      const a = await areaById(id);
      return { area: a, children: a.child_count > 0 ? await childAreas(a.id) : [] };
    },
    onData: (d) => expandAll((d.area.ancestors ?? []).map((x) => x.id)),
  });
  const area = data?.area ?? null;
  const children = data?.children ?? [];
  const setArea = (a: Area) => set({ area: a, children });

  if (!area) return <p class="muted">{t('common.loading')}</p>;

  // A button that opens one of the panels below (and closes it again).
  const modeButton = (m: Mode, testid: string, label: string, cls = 'secondary') => (
    <button
      type="button"
      class={cls}
      data-testid={testid}
      aria-pressed={mode === m}
      onClick={() => setMode(mode === m ? 'view' : m)}
    >
      {label}
    </button>
  );

  const close = () => setMode('view');
  const done = (message: string) => {
    close();
    setReload((n) => n + 1);
    treeChanged();
    showInfo(message);
  };

  return (
    <div data-testid="area-detail" data-area-id={area.id} data-code={area.code}>
      <nav aria-label={t('areas.breadcrumb')} class="breadcrumb" data-testid="breadcrumb">
        <ol>
          {(area.ancestors ?? []).map((a) => (
            <li key={a.id}>
              <a href={href('areas', a.id)}>{a.name}</a>
            </li>
          ))}
          <li aria-current="page">{area.name}</li>
        </ol>
      </nav>
      <h2 data-testid="area-name">{area.name}</h2>
      {area.name_local && (
        <p class="local-name" dir="auto">
          {area.name_local}
        </p>
      )}
      <dl class="facts">
        <dt>{t('areas.code')}</dt>
        <dd data-testid="area-code" dir="ltr">
          {area.code}
        </dd>
        <dt>{t('areas.level')}</dt>
        <dd>{levelLabel(area)}</dd>
        <dt>{t('areas.children')}</dt>
        <dd>{t('areas.childCount', { n: area.child_count })}</dd>
      </dl>
      <p class="actions" data-testid="area-community">
        <a class="button secondary" href={href('community', area.id)} data-testid="area-profile">
          {t('areas.profile')}
        </a>
        <a
          class="button secondary"
          href={href('community', area.id, 'risks')}
          data-testid="area-risks"
        >
          {t('areas.risks')}
        </a>
      </p>

      {canEdit && (
        <div class="actions" role="group">
          {modeButton('edit', 'area-edit', t('common.edit'))}
          {modeButton('child', 'area-new-child', t('areas.newChild'))}
          {area.parent_id && modeButton('move', 'area-move', t('areas.move'))}
          {modeButton('delete', 'area-delete', t('common.delete'), 'danger')}
        </div>
      )}

      {mode === 'edit' && (
        <NamesForm
          testid="area-edit"
          title={t('areas.edit')}
          localLabel={t('areas.nameLocal')}
          submit={t('common.save')}
          from={area}
          send={(v) =>
            patch(`/areas/${encodeURIComponent(area.id)}`, {
              version: area.version,
              ...v,
              name_local: v.name_local || null,
            })
          }
          onDone={() => done(t('common.saved'))}
          onStale={setArea}
          onCancel={close}
        />
      )}
      {mode === 'child' && (
        <NamesForm
          testid="area-child"
          title={t('areas.newChild')}
          localLabel={`${t('areas.nameLocal')} ${t('common.optional')}`}
          submit={t('areas.createChild')}
          send={(v) =>
            post<Area>('/areas', {
              parent_id: area.id,
              code: v.code,
              name: v.name,
              ...(v.name_local ? { name_local: v.name_local } : {}),
            })
          }
          onDone={() => done(t('common.created'))}
          onCancel={close}
        />
      )}
      {mode === 'move' && (
        <MoveArea area={area} onDone={() => done(t('areas.moved'))} onCancel={close} />
      )}
      {mode === 'delete' && (
        <div
          class="confirm"
          role="alertdialog"
          aria-labelledby="confirm-delete-text"
          data-testid="area-delete-confirm"
        >
          <p id="confirm-delete-text">{t('areas.confirmDelete', { name: area.name })}</p>
          <div class="actions">
            <button
              type="button"
              class="danger"
              data-testid="area-delete-yes"
              onClick={async () => {
                clearMessages();
                try {
                  await del(`/areas/${encodeURIComponent(area.id)}`);
                  treeChanged();
                  showInfo(t('common.deleted'));
                  if (area.parent_id) navigate('areas', area.parent_id);
                  else navigate('areas');
                } catch (e) {
                  close();
                  showError(e);
                }
              }}
            >
              {t('common.confirm')}
            </button>
            <button type="button" class="secondary" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}

      {children.length > 0 && (
        <>
          <h3>{t('areas.children')}</h3>
          <ul class="plain-list" data-testid="area-children">
            {children.map((c) => (
              <li key={c.id}>
                <a href={href('areas', c.id)} data-testid="area-child" data-code={c.code}>
                  {c.name}
                </a>{' '}
                <span class="muted small" dir="ltr">
                  {c.code}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface FormProps {
  onDone: () => void;
  onCancel: () => void;
}

type Names = { name: string; name_local: string; code: string };

// The edit and new-child forms: an area's name, local name and code (`from`: the area edited),
// sent trimmed by `send`. A refusal puts its field errors on the form; an area changed meanwhile
// goes to `onStale`.
function NamesForm(
  p: FormProps & {
    testid: string;
    title: string;
    localLabel: string;
    submit: string;
    from?: Area;
    send: (v: Names) => Promise<unknown>;
    onStale?: (a: Area) => void;
  },
) {
  const { t } = useI18n();
  const [v, setV] = useState<Names>({
    name: p.from?.name ?? '',
    name_local: p.from?.name_local ?? '',
    code: p.from?.code ?? '',
  });
  const [fields, setFields] = useFieldErrors();
  const field = (k: keyof Names) => ({
    value: v[k],
    onInput: (x: string) => setV({ ...v, [k]: x }),
    error: fields[k],
  });

  async function submit(e: Event) {
    e.preventDefault();
    clearMessages();
    setFields({});
    try {
      await p.send({ name: v.name.trim(), name_local: v.name_local.trim(), code: v.code.trim() });
      p.onDone();
    } catch (err) {
      if (err instanceof ApiError) {
        setFields(fieldMessages(err));
        if (err.code === 'conflict' && err.current) p.onStale?.(err.current as Area);
      }
      showError(err);
    }
  }

  return (
    <form class="subform" onSubmit={submit} data-testid={p.testid + '-form'}>
      <h3>{p.title}</h3>
      <Field label={t('areas.name')} {...field('name')} required testid={p.testid + '-name'} />
      <Field
        label={p.localLabel}
        {...field('name_local')}
        dir="auto"
        testid={p.testid + '-name-local'}
      />
      <Field
        label={t('areas.code')}
        {...field('code')}
        required
        dir="ltr"
        testid={p.testid + '-code'}
      />
      <SubmitCancel label={p.submit} testid={p.testid + '-save'} onCancel={p.onCancel} />
    </form>
  );
}

function MoveArea({ area, onDone, onCancel }: FormProps & { area: Area }) {
  const { t } = useI18n();
  const [parent, setParent] = useState<PickedArea | null>(null);
  const [error, setError] = useState<string | undefined>();

  async function submit(e: Event) {
    e.preventDefault();
    if (!parent) return;
    clearMessages();
    setError(undefined);
    try {
      await patch(`/areas/${encodeURIComponent(area.id)}`, {
        version: area.version,
        parent_id: parent.id,
      });
      onDone();
    } catch (err) {
      if (err instanceof ApiError) setError(fieldMessages(err).parent_id);
      showError(err);
    }
  }

  return (
    <form class="subform" onSubmit={submit} data-testid="area-move-form">
      <h3>{t('areas.move')}</h3>
      <AreaPicker
        label={t('areas.moveTo')}
        value={parent}
        onChange={setParent}
        error={error}
        testid="area-move-picker"
        exclude={area.id}
      />
      <SubmitCancel
        label={t('areas.moveSubmit')}
        testid="area-move-save"
        disabled={!parent}
        onCancel={onCancel}
      />
    </form>
  );
}
