// Create or edit an institution: type (from the configuration), area, parent federation of an
// allowed type, identity, registration and bank, and on edit a status change with date and reason.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, patch, post } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Field, SelectField, TextAreaField } from '../../components/form_fields';
import { InstitutionPicker, type PickedInstitution } from '../../components/institution_picker';
import { Crumbs, flashWarnings, fieldBinder } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { clearMessages, showError, showInfo } from '../../messages';
import { enumOptions, orNull, todayIso, typeLabel, typeOf, useConfig } from '../../registry_data';
import { href, navigate } from '../../router';
import type { Institution } from '../../types';
import { useFetch } from '../../use_fetch';
import { LoadingCard } from '../../components/loading_card';
import { fieldMessages } from '../../i18n/field_message';
import { FieldErrorsElsewhere } from '../../components/field_errors';
import { useFieldErrors } from '../../components/field_focus';

interface Form {
  type: string;
  area: PickedArea | null;
  parent: PickedInstitution | null;
  code: string;
  name: string;
  name_local: string;
  sex_composition: string;
  formed_on: string;
  status: string;
  status_on: string;
  status_reason: string;
  merged_into: PickedInstitution | null;
  meeting_frequency: string;
  registration_status: string;
  registration_authority: string;
  registration_number: string;
  registration_date: string;
  bank_status: string;
  bank_name: string;
  bank_opened_on: string;
  savings: string;
  notes: string;
}

const EMPTY: Form = {
  type: '',
  area: null,
  parent: null,
  code: '',
  name: '',
  name_local: '',
  sex_composition: 'women',
  formed_on: '',
  status: 'forming',
  status_on: '',
  status_reason: '',
  merged_into: null,
  meeting_frequency: '',
  registration_status: 'unregistered',
  registration_authority: '',
  registration_number: '',
  registration_date: '',
  bank_status: 'none',
  bank_name: '',
  bank_opened_on: '',
  savings: '',
  notes: '',
};

function formOf(i: Institution): Form {
  return {
    type: i.type,
    area: { id: i.area_id, name: i.area_name },
    parent: i.parent_id ? { id: i.parent_id, name: i.parent_name ?? '' } : null,
    code: i.code ?? '',
    name: i.name,
    name_local: i.name_local ?? '',
    sex_composition: i.sex_composition,
    formed_on: i.formed_on ?? '',
    status: i.status,
    status_on: todayIso(),
    status_reason: '',
    merged_into: null,
    meeting_frequency: i.meeting_frequency ?? '',
    registration_status: i.registration_status,
    registration_authority: i.registration_authority ?? '',
    registration_number: i.registration_number ?? '',
    registration_date: i.registration_date ?? '',
    bank_status: i.bank_status,
    bank_name: i.bank_name ?? '',
    bank_opened_on: i.bank_opened_on ?? '',
    savings: i.savings ? String(i.savings) : '',
    notes: i.notes ?? '',
  };
}

export function InstitutionFormPage({ id }: { id?: string }) {
  const { t } = useI18n();
  const config = useConfig();
  const [record, setRecord] = useState<Institution | null>(null);
  const [f, setF] = useState<Form>(EMPTY);
  const [fields, setFields] = useFieldErrors();
  const [busy, setBusy] = useState(false);
  const set = (p: Partial<Form>) => setF((old) => ({ ...old, ...p }));
  const bind = fieldBinder(f, set, fields);

  useFetch<Institution>(id ? `/institutions/${encodeURIComponent(id)}` : null, {
    onData: (i) => {
      setRecord(i);
      setF(formOf(i));
    },
  });

  useEffect(() => {
    if (!id && !f.type && config && config.institution_types.length > 0)
      set({ type: config.institution_types[0].code });
  }, [config]);

  if (id && !record) return <LoadingCard />;

  const type = typeOf(config, f.type);
  const parentTypes = type?.parent_types ?? [];
  const statusChanged = record !== null && f.status !== record.status;

  function body(): Record<string, unknown> {
    const b: Record<string, unknown> = {
      type: f.type,
      area_id: f.area?.id ?? '',
      name: f.name.trim(),
      sex_composition: f.sex_composition,
      code: orNull(f.code),
      name_local: orNull(f.name_local),
      parent_id: parentTypes.length > 0 && f.parent ? f.parent.id : null,
      formed_on: orNull(f.formed_on),
      meeting_frequency: orNull(f.meeting_frequency),
      registration_status: f.registration_status,
      registration_authority: orNull(f.registration_authority),
      registration_number: orNull(f.registration_number),
      registration_date: orNull(f.registration_date),
      bank_status: f.bank_status,
      bank_name: orNull(f.bank_name),
      bank_opened_on: orNull(f.bank_opened_on),
      notes: orNull(f.notes),
    };
    if (f.savings.trim()) b.savings = Number(f.savings.replace(',', '.'));
    if (!record) {
      // A create leaves unset optional fields out rather than sending nulls.
      for (const k of Object.keys(b)) if (b[k] === null) delete b[k];
      b.status = f.status;
    } else {
      b.version = record.version;
      if (statusChanged) {
        b.status = f.status;
        b.status_on = f.status_on;
        b.status_reason = orNull(f.status_reason);
        if (f.status === 'merged' && f.merged_into) b.merged_into_id = f.merged_into.id;
      }
    }
    return b;
  }

  async function submit(e: Event) {
    e.preventDefault();
    clearMessages();
    setFields({});
    setBusy(true);
    try {
      const saved = record
        ? await patch<Institution>(`/institutions/${encodeURIComponent(record.id)}`, body())
        : await post<Institution>('/institutions', body());
      flashWarnings(saved.id, saved.warnings);
      showInfo(record ? t('common.saved') : t('common.created'));
      navigate('institutions', saved.id);
    } catch (err) {
      if (err instanceof ApiError) {
        setFields(fieldMessages(err));
        if (err.code === 'conflict' && err.current) {
          setRecord(err.current as Institution);
          setF(formOf(err.current as Institution));
        }
      }
      showError(err);
    } finally {
      setBusy(false);
    }
  }

  const types = (config?.institution_types ?? []).map((x) => ({
    value: x.code,
    label: `${typeLabel(config, x.code)} (${x.code})`,
  }));
  const title = record ? t('inst.edit') : t('inst.new');
  return (
    <section class="card" aria-labelledby="inst-form-heading">
      <Crumbs
        items={[
          { href: href('institutions'), label: t('inst.title') },
          ...(record ? [{ href: href('institutions', record.id), label: record.name }] : []),
        ]}
        current={title}
      />
      <h1 id="inst-form-heading">{title}</h1>
      <form class="form-narrow" onSubmit={submit} noValidate data-testid="institution-form">
        <SelectField
          label={t('inst.type')}
          value={f.type}
          onChange={(v) => set({ type: v, parent: null })}
          options={types}
          error={fields.type}
          testid="inst-type"
        />
        {type && (
          <p class="hint" data-testid="inst-type-hint">
            {t('inst.typeHint', { tier: type.tier, kind: t(`inst.kind.${type.member_kind}`) })}
            {type.size_min !== null &&
              type.size_max !== null &&
              ' ' + t('inst.sizeHint', { min: type.size_min, max: type.size_max })}
          </p>
        )}
        <AreaPicker
          label={t('reg.area')}
          value={f.area}
          onChange={(area) => set({ area })}
          error={fields.area_id}
          testid="inst-area"
          villages
        />
        {parentTypes.length > 0 && (
          <InstitutionPicker
            label={t('inst.parent')}
            types={parentTypes}
            value={f.parent}
            onChange={(parent) => set({ parent })}
            error={fields.parent_id}
            testid="inst-parent"
            exclude={record?.id}
            hint={t('inst.parentHint', {
              types: parentTypes.map((p) => typeLabel(config, p)).join(t('common.listSep')),
            })}
          />
        )}
        <Field label={t('inst.name')} {...bind('name')} required dir="auto" testid="inst-name" />
        <Field
          label={`${t('inst.nameLocal')} ${t('common.optional')}`}
          {...bind('name_local')}
          dir="auto"
          testid="inst-name-local"
        />
        <Field
          label={`${t('inst.code')} ${t('common.optional')}`}
          {...bind('code')}
          dir="ltr"
          testid="inst-code"
        />
        <div class="form-row">
          <SelectField
            label={t('inst.sexComposition')}
            value={f.sex_composition}
            onChange={(v) => set({ sex_composition: v })}
            options={enumOptions('sex_composition')}
            error={fields.sex_composition}
            testid="inst-sex-composition"
          />
          <Field
            type="date"
            label={t('inst.formedOn')}
            {...bind('formed_on')}
            max={todayIso()}
            testid="inst-formed-on"
          />
        </div>
        <SelectField
          label={t('inst.meetingFrequency')}
          value={f.meeting_frequency}
          onChange={(v) => set({ meeting_frequency: v })}
          options={enumOptions('meeting_frequency', t('reg.notSet'))}
          error={fields.meeting_frequency}
          testid="inst-meeting-frequency"
        />

        <fieldset data-testid="inst-status-box">
          <legend>{t('inst.lifecycle')}</legend>
          <SelectField
            label={t('inst.status')}
            value={f.status}
            onChange={(status) => set({ status })}
            options={enumOptions('status')}
            error={fields.status}
            testid="inst-status"
          />
          {statusChanged && (
            <>
              <Field
                type="date"
                label={t('inst.statusOn')}
                {...bind('status_on')}
                max={todayIso()}
                testid="inst-status-on"
              />
              <Field
                {...bind('status_reason')}
                label={
                  f.status === 'dissolved' || f.status === 'merged'
                    ? t('inst.statusReason')
                    : `${t('inst.statusReason')} ${t('common.optional')}`
                }
                dir="auto"
                testid="inst-status-reason"
              />
              {f.status === 'merged' && (
                <InstitutionPicker
                  label={t('inst.mergedInto')}
                  types={[f.type]}
                  value={f.merged_into}
                  onChange={(m) => set({ merged_into: m })}
                  error={fields.merged_into_id}
                  testid="inst-merged-into"
                  exclude={record?.id}
                />
              )}
            </>
          )}
        </fieldset>

        <fieldset>
          <legend>{t('inst.registration')}</legend>
          <SelectField
            label={t('inst.registrationStatus')}
            value={f.registration_status}
            onChange={(v) => set({ registration_status: v })}
            options={enumOptions('registration_status')}
            error={fields.registration_status}
            testid="inst-registration-status"
          />
          {f.registration_status !== 'unregistered' && (
            <>
              <Field
                label={t('inst.registrationAuthority')}
                {...bind('registration_authority')}
                dir="auto"
                testid="inst-registration-authority"
              />
              <div class="form-row">
                <Field
                  label={t('inst.registrationNumber')}
                  {...bind('registration_number')}
                  dir="ltr"
                  testid="inst-registration-number"
                />
                <Field
                  type="date"
                  label={t('inst.registrationDate')}
                  {...bind('registration_date')}
                  max={todayIso()}
                  testid="inst-registration-date"
                />
              </div>
            </>
          )}
        </fieldset>

        <fieldset>
          <legend>{t('inst.bank')}</legend>
          <SelectField
            label={t('inst.bankStatus')}
            value={f.bank_status}
            onChange={(v) => set({ bank_status: v })}
            options={enumOptions('bank_status')}
            error={fields.bank_status}
            testid="inst-bank-status"
          />
          {f.bank_status !== 'none' && (
            <div class="form-row">
              <Field
                label={t('inst.bankName')}
                {...bind('bank_name')}
                dir="auto"
                testid="inst-bank-name"
              />
              <Field
                type="date"
                label={t('inst.bankOpenedOn')}
                {...bind('bank_opened_on')}
                max={todayIso()}
                testid="inst-bank-opened-on"
              />
            </div>
          )}
          <Field
            label={t('inst.savings')}
            {...bind('savings')}
            inputMode="decimal"
            dir="ltr"
            testid="inst-savings"
          />
        </fieldset>
        <TextAreaField
          label={`${t('reg.notes')} ${t('common.optional')}`}
          value={f.notes}
          onInput={(v) => set({ notes: v })}
          error={fields.notes}
          testid="inst-notes"
        />
        <FieldErrorsElsewhere fields={fields} shown={SHOWN} />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy} data-testid="inst-save">
            {record ? t('common.save') : t('common.create')}
          </button>
          <a
            class="button secondary"
            href={record ? href('institutions', record.id) : href('institutions')}
          >
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}

const SHOWN = [
  'type',
  'area_id',
  'parent_id',
  'name',
  'name_local',
  'code',
  'sex_composition',
  'formed_on',
  'meeting_frequency',
  'status',
  'status_on',
  'status_reason',
  'merged_into_id',
  'registration_status',
  'registration_authority',
  'registration_number',
  'registration_date',
  'bank_status',
  'bank_name',
  'bank_opened_on',
  'savings',
  'notes',
];
