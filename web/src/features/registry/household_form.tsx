// Create or edit a household and its people (sex, birth date or age, relation, the Washington
// Group short set, displacement, phone). A national ID already registered answers 409: the form
// shows who has it and lets the user register anyway (allow_duplicate).
import { useEffect, useRef, useState } from 'preact/hooks';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Field } from '../../components/form_fields';
import { Form, DraftNotice } from '../../components/form';
import { Crumbs, flashWarnings, useWrite } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { clearMessages, showError, showInfo, showRefusal } from '../../messages';
import { flagLabel, orNull, todayIso, useConfig } from '../../registry_data';
import { href, navigate } from '../../router';
import type { Household, Person } from '../../types';
import {
  DERIVED,
  derivedFlags,
  emptyPerson,
  personBody,
  PersonRowEditor,
  rowOf,
  wgOf,
  type PersonRow,
} from './person_row';
import { LoadingCard } from '../../components/loading_card';
import { useDraft } from '../../components/draft_guard';
import { loadRecord } from '../../offline/local';
import { answers, enqueue, outcome, problemOf, problemOrQueued } from '../../offline/outbox';
import { uuidv7 } from '../../offline/uuid';
import { UseMyLocation } from './use_location';
import { fieldMessages } from '../../i18n/field_message';
import { FieldErrorsElsewhere } from '../../components/field_errors';

interface Form {
  area: PickedArea | null;
  code: string;
  head_name: string;
  head_father_name: string;
  address: string;
  phone: string;
  national_id: string;
  psc_score: string;
  psc_date: string;
  psc_source: string;
  latitude: string;
  longitude: string;
  flags: string[];
}

const EMPTY: Form = {
  area: null,
  code: '',
  head_name: '',
  head_father_name: '',
  address: '',
  phone: '',
  national_id: '',
  psc_score: '',
  psc_date: '',
  psc_source: '',
  latitude: '',
  longitude: '',
  flags: [],
};

function formOf(h: Household): Form {
  return {
    area: { id: h.area_id, name: h.area_name },
    code: h.code ?? '',
    head_name: h.head_name,
    head_father_name: h.head_father_name ?? '',
    address: h.address ?? '',
    phone: h.phone ?? '',
    national_id: h.national_id_masked ? '' : (h.national_id ?? ''),
    psc_score: h.psc_score !== null ? String(h.psc_score) : '',
    psc_date: h.psc_date ?? '',
    psc_source: h.psc_source ?? '',
    latitude: h.latitude !== null ? String(h.latitude) : '',
    longitude: h.longitude !== null ? String(h.longitude) : '',
    flags: h.flags,
  };
}

// "another household has this national ID: A (village), B (village); send ..." -> the names.
function holders(message: string): string {
  const m = /:\s*(.+?);/.exec(message);
  return m ? m[1] : message;
}

// The paths the form has an input for (the rest are listed under the people, with names).
const PERSON_FIELDS = [
  'name',
  'sex',
  'relation',
  'age',
  'birth_date',
  'wg',
  'displacement',
  'phone',
];
function shownOnForm(k: string): boolean {
  const person = /^people\[\d+\]\.(.+)$/.exec(k);
  if (person) return PERSON_FIELDS.includes(person[1]) || person[1].startsWith('wg.');
  return k === 'people' || k === 'area_id' || k in EMPTY;
}

const number = (s: string) => Number(s.trim().replace(',', '.'));

export function HouseholdFormPage({ id }: { id?: string }) {
  const { t } = useI18n();
  const config = useConfig();
  const [record, setRecord] = useState<Household | null>(null);
  // Registered on this phone and not yet on the server: saving again changes the queued create.
  const [localOnly, setLocalOnly] = useState(false);
  const [f, setF] = useState<Form>(EMPTY);
  const [rows, setRows] = useState<PersonRow[]>(() => (id ? [] : [emptyPerson('head')]));
  const w = useWrite();
  const { fields, setFields, busy } = w;
  const [duplicate, setDuplicate] = useState<string | null>(null);
  // Client ids (contract14 §1): the household's, and each new person's by row key, kept for the
  // form's life so a second save after a refusal replaces the queued entry instead of adding one.
  const [newId] = useState(uuidv7);
  const personIds = useRef(new Map<string, string>());
  const pid = (r: PersonRow) => {
    if (r.id) return r.id;
    if (!personIds.current.has(r.key)) personIds.current.set(r.key, uuidv7());
    return personIds.current.get(r.key)!;
  };

  useEffect(() => {
    if (!id) return;
    loadRecord<Household>('households', id, `/households/${encodeURIComponent(id)}`)
      .then(async (l) => {
        const h = l.record;
        // The outbox reads first, then every state at once: the form is drawn once, with its
        // people (a slow phone lays a household's form out in a tenth of a second).
        const [queued, problem, peopleProblems] = await Promise.all([
          l.pending ? problemOrQueued(h.id, 'create') : undefined,
          problemOf(h.id),
          Promise.all((h.people ?? []).map((p) => problemOf(p.id))),
        ]);
        // Queued entries the server refused (the household's, its people's): their field
        // errors, on the form beside their fields.
        const found: Record<string, string> = {};
        if (problem?.state === 'failed') Object.assign(found, fieldMessages(problem.error));
        for (const [i, pp] of peopleProblems.entries()) {
          if (pp?.state !== 'failed') continue;
          for (const [k, v] of Object.entries(fieldMessages(pp.error)))
            found[`people[${i}].${k}`] = v;
        }
        setRecord(h);
        setLocalOnly(l.pending && !!queued);
        setF(formOf(h));
        setRows((h.people ?? []).map(rowOf));
        if (Object.keys(found).length > 0) {
          setFields(found);
          showError(t('off.refused'));
        }
      })
      .catch(showError);
  }, [id]);

  const draft = useDraft('household:' + (id ?? 'new'), { f, rows }, !id || record !== null, (d) => {
    setF(d.f);
    setRows(d.rows);
  });

  if (id && !record) return <LoadingCard />;

  const set = (p: Partial<Form>) => setF((old) => ({ ...old, ...p }));
  // The head's row follows the head's name until the user types a different name into it.
  const setHeadName = (name: string) => {
    setRows((old) =>
      old.map((r) =>
        !r.id && r.relation === 'head' && r.name === f.head_name ? { ...r, name } : r,
      ),
    );
    set({ head_name: name });
  };
  const creating = !record || localOnly;
  const hid = record?.id ?? newId;

  function body(allowDuplicate: boolean): Record<string, unknown> {
    const b: Record<string, unknown> = {
      area_id: f.area?.id ?? '',
      head_name: f.head_name.trim(),
      code: orNull(f.code),
      head_father_name: orNull(f.head_father_name),
      address: orNull(f.address),
      phone: orNull(f.phone),
      psc_date: orNull(f.psc_date),
      psc_source: orNull(f.psc_source),
      flags: rows.length > 0 ? f.flags.filter((c) => !DERIVED.includes(c)) : f.flags,
    };
    // A masked ID the user did not retype stays as it is.
    if (f.national_id.trim() || !record?.national_id_masked) b.national_id = orNull(f.national_id);
    if (f.psc_score.trim()) b.psc_score = number(f.psc_score);
    if (f.latitude.trim() || f.longitude.trim()) {
      b.latitude = number(f.latitude);
      b.longitude = number(f.longitude);
    }
    if (allowDuplicate) b.allow_duplicate = true;
    if (creating) {
      for (const k of Object.keys(b)) if (b[k] === null) delete b[k];
      b.id = hid;
      b.people = rows.map((r) => ({ id: pid(r), ...personBody(r, false) }));
    } else {
      b.version = record!.version;
    }
    return b;
  }

  // The household as this phone shows it until the server answers.
  function local(b: Record<string, unknown>): Household {
    const now = new Date().toISOString();
    const people: Person[] = rows.map((r) => ({
      id: pid(r),
      household_id: hid,
      name: r.name.trim(),
      sex: r.sex,
      birth_date: r.ageMode === 'date' ? r.birth_date || null : null,
      birth_date_estimated: r.ageMode === 'age',
      age: r.ageMode === 'age' && r.age.trim() ? Number(r.age) : null,
      relation: r.relation,
      wg: wgOf(r),
      disability: Object.values(wgOf(r) ?? {}).some((a) => a >= 3),
      displacement: r.displacement || null,
      phone: r.phone || null,
      version: r.version ?? 0,
    }));
    return {
      ...(record ?? {
        national_id_masked: false,
        psc_source: null,
        poverty_band: null,
        poor: false,
        membership_count: 0,
        organised: false,
        merged_into_id: null,
        version: 0,
        created_at: now,
      }),
      ...(b as Partial<Household>),
      id: hid,
      area_id: f.area?.id ?? '',
      area_name: f.area?.name ?? '',
      code: orNull(f.code),
      head_father_name: orNull(f.head_father_name),
      address: orNull(f.address),
      phone: orNull(f.phone),
      national_id: orNull(f.national_id),
      psc_score: f.psc_score.trim() ? number(f.psc_score) : null,
      psc_date: orNull(f.psc_date),
      latitude: f.latitude.trim() ? number(f.latitude) : null,
      longitude: f.longitude.trim() ? number(f.longitude) : null,
      person_count: people.length,
      flags: [...(b.flags as string[]), ...(rows.length > 0 ? derivedFlags(rows) : [])],
      people,
      updated_at: now,
    } as Household;
  }

  // Every save goes through the outbox: sent at once when online (the answer shows as before),
  // kept on the phone and shown from there when not.
  async function save(allowDuplicate: boolean) {
    clearMessages();
    setFields({});
    setDuplicate(null);
    await w.run(async () => {
      const b = body(allowDuplicate);
      const label = t('hh.labelHousehold', { name: f.head_name.trim() });
      const edit = `households/${hid}/edit`;
      const sent: string[] = [hid];
      await enqueue(
        creating
          ? {
              record: hid,
              entity: 'households',
              kind: 'create',
              method: 'POST',
              path: '/households',
              body: b,
              deps: [],
              label,
              edit,
            }
          : {
              record: hid,
              entity: 'households',
              kind: 'update',
              method: 'PATCH',
              path: `/households/${encodeURIComponent(hid)}`,
              body: b,
              deps: [],
              label,
              edit,
            },
        { entity: 'households', record: local(b) as unknown as Record<string, unknown> },
      );
      // On edit, each changed or new person is its own write, after the household's.
      if (!creating)
        for (const r of rows) {
          const pb = personBody(r, !!r.id);
          if (r.id && JSON.stringify(pb) === r.saved) continue;
          const base = `/households/${encodeURIComponent(hid)}/people`;
          const p = pid(r);
          sent.push(p);
          await enqueue({
            record: p,
            entity: 'people',
            kind: r.id ? 'update' : 'create',
            method: r.id ? 'PATCH' : 'POST',
            path: r.id ? `${base}/${encodeURIComponent(p)}` : base,
            body: r.id ? { version: r.version, ...pb } : { id: p, ...pb },
            deps: [hid],
            label: t('hh.labelPerson', { name: r.name.trim() }),
            edit,
          });
        }
      const result = await outcome(sent);
      if (result === 'sent' || result === 'queued') {
        await draft.clear();
        if (result === 'sent') {
          const saved = answers.get(hid) as Household | undefined;
          flashWarnings(hid, saved?.warnings ?? []);
          showInfo(creating ? t('common.created') : t('common.saved'));
        } else showInfo(t('off.queued'));
        navigate('households', hid);
        return;
      }
      const err = result.error;
      if (result.state === 'conflict') {
        showError(t('off.conflict'));
        navigate('outbox');
        return;
      }
      if (err?.code === 'conflict' && err.fields.national_id) {
        setDuplicate(err.message);
        setFields({ national_id: t('hh.duplicateField') });
        return;
      }
      // A person's refusal lands on that person's row.
      const row = rows.findIndex((r) => pid(r) === result.record);
      const got = fieldMessages(err);
      if (row >= 0 && result.record !== hid) {
        const prefixed: Record<string, string> = {};
        for (const [k, v] of Object.entries(got)) prefixed[`people[${row}].${k}`] = v;
        setFields(prefixed);
      } else setFields(got);
      showRefusal(err);
    });
  }

  const title = record ? t('hh.edit') : t('hh.new');
  const flags = config?.vulnerability_flags ?? [];
  // With people, the server derives these flags from them: shown, not asked.
  const derived = rows.length > 0 ? derivedFlags(rows) : null;
  const asked = derived ? flags.filter((o) => !DERIVED.includes(o.code)) : flags;
  return (
    <section class="card" aria-labelledby="hh-form-heading">
      <Crumbs
        items={[
          { href: href('households'), label: t('hh.title') },
          ...(record ? [{ href: href('households', record.id), label: record.head_name }] : []),
        ]}
        current={title}
      />
      <h1 id="hh-form-heading">{title}</h1>
      <DraftNotice draft={draft} />
      <Form class="form-narrow" data-testid="household-form" onSubmit={() => save(false)}>
        <AreaPicker
          label={t('hh.village')}
          value={f.area}
          onChange={(area) => set({ area })}
          error={fields.area_id}
          testid="hh-area"
          villages
        />
        <Field
          label={t('hh.head')}
          value={f.head_name}
          onInput={setHeadName}
          required
          dir="auto"
          error={fields.head_name}
          testid="hh-head-name"
        />
        <Field
          label={`${t('hh.fatherName')} ${t('common.optional')}`}
          value={f.head_father_name}
          onInput={(v) => set({ head_father_name: v })}
          dir="auto"
          error={fields.head_father_name}
          testid="hh-father-name"
        />
        <div class="form-row">
          <Field
            label={`${t('hh.code')} ${t('common.optional')}`}
            value={f.code}
            onInput={(v) => set({ code: v })}
            dir="ltr"
            error={fields.code}
            testid="hh-code"
          />
          <Field
            type="tel"
            label={`${t('hh.phone')} ${t('common.optional')}`}
            value={f.phone}
            onInput={(v) => set({ phone: v })}
            dir="ltr"
            error={fields.phone}
            testid="hh-phone"
          />
        </div>
        <Field
          label={`${t('hh.nationalId')} ${t('common.optional')}`}
          value={f.national_id}
          onInput={(v) => set({ national_id: v })}
          dir="ltr"
          error={fields.national_id}
          testid="hh-national-id"
          hint={
            record?.national_id_masked && record.national_id
              ? t('hh.maskedKeep', { id: record.national_id })
              : undefined
          }
        />
        {duplicate !== null && (
          <div
            class="confirm"
            role="alertdialog"
            aria-labelledby="hh-dup-text"
            data-testid="household-duplicate"
          >
            <p id="hh-dup-text">
              <strong>{t('hh.duplicateTitle')}</strong>
            </p>
            <p>
              {t('hh.duplicateHolders')}{' '}
              <bdi dir="auto" data-testid="household-duplicate-detail">
                {holders(duplicate)}
              </bdi>
            </p>
            <p>{t('hh.duplicateAsk')}</p>
            <div class="actions">
              <button
                type="button"
                class="primary"
                data-testid="household-duplicate-confirm"
                disabled={busy}
                onClick={() => save(true)}
              >
                {t('hh.duplicateConfirm')}
              </button>
              <button
                type="button"
                class="secondary"
                data-testid="household-duplicate-cancel"
                onClick={() => {
                  setDuplicate(null);
                  setFields({});
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </div>
        )}
        <Field
          label={`${t('hh.address')} ${t('common.optional')}`}
          value={f.address}
          onInput={(v) => set({ address: v })}
          dir="auto"
          error={fields.address}
          testid="hh-address"
        />
        <fieldset>
          <legend>{t('hh.psc')}</legend>
          <div class="form-row">
            <Field
              label={t('hh.pscScore')}
              value={f.psc_score}
              onInput={(v) => set({ psc_score: v })}
              inputMode="decimal"
              dir="ltr"
              error={fields.psc_score}
              testid="hh-psc-score"
            />
            <Field
              type="date"
              label={t('hh.pscDate')}
              value={f.psc_date}
              onInput={(v) => set({ psc_date: v })}
              max={todayIso()}
              error={fields.psc_date}
              testid="hh-psc-date"
            />
          </div>
          <Field
            label={`${t('hh.pscSource')} ${t('common.optional')}`}
            value={f.psc_source}
            onInput={(v) => set({ psc_source: v })}
            dir="auto"
            error={fields.psc_source}
            testid="hh-psc-source"
          />
        </fieldset>
        {flags.length > 0 && (
          <fieldset data-testid="hh-flags">
            <legend>{t('hh.flags')}</legend>
            {derived && (
              <div class="field" data-testid="hh-derived-flags" data-flags={derived.join(' ')}>
                <div class="field-label">{t('hh.derivedFlags')}</div>
                <p>
                  {derived.length
                    ? derived.map((c) => flagLabel(config, c)).join(', ')
                    : t('hh.derivedNone')}
                </p>
                <p class="hint">{t('hh.derivedHint')}</p>
              </div>
            )}
            {asked.map((o) => (
              <label class="check" key={o.code}>
                <input
                  type="checkbox"
                  checked={f.flags.includes(o.code)}
                  data-testid={'hh-flag-' + o.code}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    set({ flags: on ? [...f.flags, o.code] : f.flags.filter((x) => x !== o.code) });
                  }}
                />
                {flagLabel(config, o.code)}
              </label>
            ))}
            {fields.flags && <div class="field-error">{fields.flags}</div>}
          </fieldset>
        )}
        <fieldset data-testid="hh-location">
          <legend>{t('hh.location')}</legend>
          <UseMyLocation testid="hh-gps" onFix={(fix) => set(fix)} />
          <div class="form-row">
            <Field
              label={t('hh.latitude')}
              value={f.latitude}
              onInput={(v) => set({ latitude: v })}
              inputMode="decimal"
              dir="ltr"
              error={fields.latitude}
              testid="hh-latitude"
            />
            <Field
              label={t('hh.longitude')}
              value={f.longitude}
              onInput={(v) => set({ longitude: v })}
              inputMode="decimal"
              dir="ltr"
              error={fields.longitude}
              testid="hh-longitude"
            />
          </div>
        </fieldset>

        <h2>{t('hh.peopleTitle', { n: rows.length })}</h2>
        {fields.people && <div class="field-error">{fields.people}</div>}
        {rows.map((r, i) => (
          <PersonRowEditor
            key={r.key}
            index={i}
            row={r}
            fields={fields}
            onChange={(row) => setRows((old) => old.map((x) => (x.key === r.key ? row : x)))}
            onRemove={r.id ? undefined : () => setRows((old) => old.filter((x) => x.key !== r.key))}
          />
        ))}
        <div class="actions">
          <button
            type="button"
            class="secondary"
            data-testid="hh-add-person"
            onClick={() => setRows([...rows, emptyPerson(rows.length === 0 ? 'head' : '')])}
          >
            {t('hh.addPerson')}
          </button>
        </div>
        <FieldErrorsElsewhere fields={fields} entity="households" shown={shownOnForm} />
        <div class="actions separated">
          <button type="submit" class="primary" disabled={busy} data-testid="hh-save">
            {creating ? t('hh.register') : t('common.save')}
          </button>
          <a
            class="button secondary"
            href={record ? href('households', record.id) : href('households')}
          >
            {t('common.cancel')}
          </a>
        </div>
      </Form>
    </section>
  );
}
