// A new version of an area's profile: opens with the version in force today and saves the whole
// content again under its as-of date. Lists are edited row by row; hazards and the SWOT one
// entry per line. A refused save shows each field's error beside it.
import { useState } from 'preact/hooks';
import { post } from '../../api';
import { useFieldErrors } from '../../components/field_focus';
import { Field, SelectField, SubmitCancel, TextAreaField } from '../../components/form_fields';
import { InstitutionPicker } from '../../components/institution_picker';
import { useI18n } from '../../i18n';
import { useConfig } from '../../registry_data';
import { href, navigate } from '../../router';
import { useFetch } from '../../use_fetch';
import {
  configOptions,
  saveForm,
  FACILITY_STATUSES,
  facilityTypes,
  SWOT,
  type Facility,
  type Figure,
  type KeyInstitution,
  type Person,
  type Profile,
  type ProfileContent,
} from './common';

const today = () => new Date().toISOString().slice(0, 10);
const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter((x) => x !== '');
const num = (s: string) => (s.trim() === '' ? null : Number(s));

type Texts = Record<'hazards' | (typeof SWOT)[number], string>;

interface Draft {
  as_of: string;
  figures: Figure[];
  facilities: Facility[];
  personnel: Person[];
  institutions: KeyInstitution[];
  texts: Texts;
}

function draftOf(p: Profile): Draft {
  const v = p.version;
  const texts = { hazards: (v?.hazards ?? []).join('\n') } as Texts;
  for (const q of SWOT) texts[q] = (v?.[q] ?? []).join('\n');
  return {
    as_of: today(),
    figures: v?.figures ?? [],
    facilities: v?.facilities ?? [],
    personnel: v?.personnel ?? [],
    institutions: v?.institutions ?? [],
    texts,
  };
}

function bodyOf(d: Draft): Record<string, unknown> {
  const content: ProfileContent = {
    figures: d.figures,
    facilities: d.facilities,
    personnel: d.personnel.map((p) => ({ ...p, contact: p.contact || null })),
    institutions: d.institutions,
    hazards: lines(d.texts.hazards),
    strengths: lines(d.texts.strengths),
    weaknesses: lines(d.texts.weaknesses),
    opportunities: lines(d.texts.opportunities),
    threats: lines(d.texts.threats),
  };
  return {
    as_of: d.as_of,
    ...content,
    institutions: content.institutions.map((k) => ({
      institution_id: k.institution_id,
      note: k.note,
      latitude: k.latitude,
      longitude: k.longitude,
    })),
  };
}

// A list of rows, each a fieldset of its own fields, with add and remove.
function Rows<T>(p: {
  title: string;
  testid: string;
  rows: T[];
  blank?: () => T;
  onChange: (rows: T[]) => void;
  row: (x: T, set: (x: T) => void, i: number) => preact.ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <fieldset data-testid={p.testid}>
      <legend>{p.title}</legend>
      {p.rows.map((x, i) => (
        <div class="subform" key={i} data-testid={`${p.testid}-${i}`}>
          {p.row(x, (y) => p.onChange(p.rows.map((r, j) => (j === i ? y : r))), i)}
          <button
            type="button"
            class="secondary"
            onClick={() => p.onChange(p.rows.filter((_, j) => j !== i))}
          >
            {t('cp.remove')}
          </button>
        </div>
      ))}
      {p.blank && (
        <button
          type="button"
          class="secondary"
          data-testid={`${p.testid}-add`}
          onClick={() => p.onChange([...p.rows, p.blank!()])}
        >
          {t('cp.add')}
        </button>
      )}
    </fieldset>
  );
}

export function ProfileFormPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const config = useConfig();
  const [d, setD] = useState<Draft | null>(null);
  const [errors, setErrors] = useFieldErrors();
  const [busy, setBusy] = useState(false);
  const { data: p } = useFetch<Profile>(`/areas/${encodeURIComponent(id)}/profile`, {
    onData: (x) => setD((old) => old ?? draftOf(x)),
  });
  if (!p || !d) return <p class="muted">{t('common.loading')}</p>;
  const set = (patch: Partial<Draft>) => setD({ ...d, ...patch });
  const e = (path: string) => errors[path];
  const types = configOptions(t, lang, 'cp.ft.', facilityTypes(config));

  async function submit(ev: Event) {
    ev.preventDefault();
    setBusy(true);
    await saveForm(
      () => post(`/areas/${encodeURIComponent(id)}/profile`, bodyOf(d!)),
      t('common.saved'),
      setErrors,
      () => navigate('community', id),
    );
    setBusy(false);
  }

  return (
    <form class="card" onSubmit={submit} data-testid="profile-form" noValidate>
      <nav class="breadcrumb">
        <a href={href('community', id)}>{p.area_name}</a>
      </nav>
      <h1>
        {t('cp.newVersion')}: <bdi>{p.area_name}</bdi>
      </h1>
      <Field
        label={t('cp.asOf')}
        type="date"
        value={d.as_of}
        onInput={(v) => set({ as_of: v })}
        error={e('as_of')}
        testid="pf-as-of"
      />
      <Rows
        title={t('cp.figures')}
        testid="pf-figures"
        rows={d.figures}
        blank={() => ({ name: '', value: 0, source: '', dated_on: today() })}
        onChange={(figures) => set({ figures })}
        row={(f, s, i) => (
          <>
            <Field
              label={t('cp.figure')}
              value={f.name}
              onInput={(v) => s({ ...f, name: v })}
              error={e(`figures[${i}].name`)}
              testid={`pf-figure-name-${i}`}
              dir="auto"
            />
            <Field
              label={t('cp.value')}
              type="number"
              inputMode="decimal"
              value={String(f.value)}
              onInput={(v) => s({ ...f, value: Number(v) })}
              error={e(`figures[${i}].value`)}
              testid={`pf-figure-value-${i}`}
            />
            <Field
              label={t('cp.source')}
              value={f.source}
              onInput={(v) => s({ ...f, source: v })}
              error={e(`figures[${i}].source`)}
              testid={`pf-figure-source-${i}`}
              dir="auto"
            />
            <Field
              label={t('cp.datedOn')}
              type="date"
              value={f.dated_on}
              onInput={(v) => s({ ...f, dated_on: v })}
              error={e(`figures[${i}].dated_on`)}
              testid={`pf-figure-date-${i}`}
            />
          </>
        )}
      />
      <Rows
        title={t('cp.facilities')}
        testid="pf-facilities"
        rows={d.facilities}
        blank={() => ({
          type: types[0]?.value ?? '',
          name: '',
          status: 'functional',
          latitude: null,
          longitude: null,
        })}
        onChange={(facilities) => set({ facilities })}
        row={(f, s, i) => (
          <>
            <SelectField
              label={t('cp.type')}
              value={f.type}
              options={types}
              onChange={(v) => s({ ...f, type: v })}
              error={e(`facilities[${i}].type`)}
              testid={`pf-facility-type-${i}`}
            />
            <Field
              label={t('cp.name')}
              value={f.name}
              onInput={(v) => s({ ...f, name: v })}
              error={e(`facilities[${i}].name`)}
              testid={`pf-facility-name-${i}`}
              dir="auto"
            />
            <SelectField
              label={t('cp.status')}
              value={f.status}
              options={FACILITY_STATUSES.map((x) => ({
                value: x,
                label: t(`cp.st.${x}` as 'cp.st.functional'),
              }))}
              onChange={(v) => s({ ...f, status: v })}
              error={e(`facilities[${i}].status`)}
              testid={`pf-facility-status-${i}`}
            />
            <Field
              label={t('cp.latitude')}
              type="number"
              inputMode="decimal"
              value={f.latitude === null ? '' : String(f.latitude)}
              onInput={(v) => s({ ...f, latitude: num(v) })}
              error={e(`facilities[${i}].latitude`)}
              testid={`pf-facility-lat-${i}`}
            />
            <Field
              label={t('cp.longitude')}
              type="number"
              inputMode="decimal"
              value={f.longitude === null ? '' : String(f.longitude)}
              onInput={(v) => s({ ...f, longitude: num(v) })}
              error={e(`facilities[${i}].longitude`)}
              testid={`pf-facility-lon-${i}`}
            />
          </>
        )}
      />
      <Rows
        title={t('cp.personnel')}
        testid="pf-personnel"
        rows={d.personnel}
        blank={() => ({ name: '', position: '', organisation: '', contact: null })}
        onChange={(personnel) => set({ personnel })}
        row={(x, s, i) => (
          <>
            <Field
              label={t('cp.name')}
              value={x.name}
              onInput={(v) => s({ ...x, name: v })}
              error={e(`personnel[${i}].name`)}
              testid={`pf-person-name-${i}`}
              dir="auto"
            />
            <Field
              label={t('cp.position')}
              value={x.position}
              onInput={(v) => s({ ...x, position: v })}
              error={e(`personnel[${i}].position`)}
              testid={`pf-person-position-${i}`}
              dir="auto"
            />
            <Field
              label={t('cp.organisation')}
              value={x.organisation}
              onInput={(v) => s({ ...x, organisation: v })}
              error={e(`personnel[${i}].organisation`)}
              testid={`pf-person-org-${i}`}
              dir="auto"
            />
            {p.contacts_visible && (
              <Field
                label={t('cp.contact')}
                type="tel"
                dir="ltr"
                value={x.contact ?? ''}
                onInput={(v) => s({ ...x, contact: v })}
                error={e(`personnel[${i}].contact`)}
                testid={`pf-person-contact-${i}`}
              />
            )}
          </>
        )}
      />
      {!p.contacts_visible && <p class="muted small">{t('cp.contactHidden')}</p>}
      <Rows
        title={t('cp.institutions')}
        testid="pf-institutions"
        rows={d.institutions}
        onChange={(institutions) => set({ institutions })}
        row={(k, s, i) => (
          <>
            <p>
              <strong dir="auto">{k.name}</strong>
              {e(`institutions[${i}].institution_id`) && (
                <span class="field-error"> {e(`institutions[${i}].institution_id`)}</span>
              )}
            </p>
            <Field
              label={t('cp.note')}
              value={k.note ?? ''}
              onInput={(v) => s({ ...k, note: v || null })}
              error={e(`institutions[${i}].note`)}
              testid={`pf-institution-note-${i}`}
              dir="auto"
            />
          </>
        )}
      />
      <InstitutionPicker
        label={`${t('cp.institutions')}: ${t('cp.add')}`}
        types={[]}
        value={null}
        emptyText=" "
        testid="pf-institution-pick"
        onChange={(k) =>
          k &&
          !d.institutions.some((x) => x.institution_id === k.id) &&
          set({
            institutions: [
              ...d.institutions,
              {
                institution_id: k.id,
                name: k.name,
                type: '',
                note: null,
                latitude: null,
                longitude: null,
              },
            ],
          })
        }
      />
      <p class="muted small">{t('cp.onePerLine')}</p>
      {(['hazards', ...SWOT] as const).map((q) => (
        <TextAreaField
          key={q}
          label={t(`cp.${q}`)}
          value={d.texts[q]}
          onInput={(v) => set({ texts: { ...d.texts, [q]: v } })}
          error={Object.entries(errors).find(([k]) => k.startsWith(q + '['))?.[1]}
          testid={`pf-${q}`}
        />
      ))}
      <SubmitCancel
        label={t('cp.save')}
        testid="pf-save"
        disabled={busy}
        onCancel={() => navigate('community', id)}
      />
    </form>
  );
}
