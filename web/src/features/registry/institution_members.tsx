// An institution's members: current or all, add one (a household, a person, or a member
// institution with its representative, by the type's member kind), end a membership. Adding and
// ending go through the outbox (offline too): sent at once when online, otherwise kept on the
// phone and shown in the list as waiting to send; the list is read from the working set when
// the server cannot be reached. An add or an end the server refused opens again in its form
// from the outbox ("Fix": #/institutions/{id}/members/{membership}), with what was typed and the
// server's errors; saving it replaces the refused entry, so it is sent once.
import { useEffect, useState } from 'preact/hooks';
import { Check } from '../../components/form';
import { get, query } from '../../api';
import { Field, SelectField, SubmitCancel } from '../../components/form_fields';
import { Ltr, WarningList, useWrite } from '../../components/registry_bits';
import { Results, StackTable } from '../../components/lists';
import { useI18n } from '../../i18n';
import { clearMessages, showError, showInfo, showRefusal } from '../../messages';
import { enumLabel, roleOptionLabel, todayIso, typeOf, useConfig } from '../../registry_data';
import { href } from '../../router';
import type { Household, Institution, Membership, Page, Person, Warning } from '../../types';
import { allRows, type OutboxError } from '../../offline/db';
import { hasWorkingSet, loadRecord, searchLocal } from '../../offline/local';
import { answers, enqueue, outcome, problemOf } from '../../offline/outbox';
import type { OutboxEntry } from '../../offline/db';
import { useOfflineFetch } from '../../offline/use_offline_fetch';
import { useFetch } from '../../use_fetch';
import { uuidv7 } from '../../offline/uuid';
import { fieldMessages } from '../../i18n/field_message';
import { FieldErrorsElsewhere } from '../../components/field_errors';
import { useFieldErrors } from '../../components/field_focus';

interface Props {
  inst: Institution;
  canWrite: boolean;
  onChange: () => void;
  // The membership whose refused outbox entry is to be fixed.
  fix?: string;
}

export function MembersSection({ inst, canWrite, onChange, fix }: Props) {
  const { t } = useI18n();
  const config = useConfig();
  const [all, setAll] = useState(false);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  // The refused entry being fixed: its form opens with the entry's values and errors.
  const [refused, setRefused] = useState<OutboxEntry | null>(null);
  useEffect(() => {
    if (!fix) return;
    problemOf(fix)
      .then((e) => {
        if (!e || e.state !== 'failed' || e.entity !== 'memberships') return;
        setRefused(e);
        if (e.kind === 'create') setAdding(true);
        else {
          setAll(true); // an ended membership's row is among all of them
          setEnding(e.record);
        }
        showError(t('off.refused'));
      })
      .catch(showError);
  }, [fix]);

  const { data, reload } = useOfflineFetch<{ items: Membership[] }>(
    `/institutions/${encodeURIComponent(inst.id)}/members` +
      query({ all: all ? 'true' : undefined }),
    async () => ({ items: (await deviceMembers(inst.id)).map((r) => r.m) }),
  );
  // Memberships added or ended on this phone and not sent yet, over the server's list.
  const [pending, setPending] = useState<Membership[]>([]);
  useEffect(() => {
    deviceMembers(inst.id)
      .then((rows) => setPending(rows.filter((r) => r.pending).map((r) => r.m)))
      .catch(() => {});
  }, [data]);
  const items = data
    ? [
        ...data.items.map((m) => pending.find((p) => p.id === m.id) ?? m),
        ...pending.filter((p) => !data.items.some((m) => m.id === p.id)),
      ].filter((m) => all || !m.left_on)
    : null;
  const waiting = new Set(pending.map((m) => m.id));

  const changed = (w: Warning[]) => {
    setWarnings(w);
    reload();
    onChange();
  };
  const kind = typeOf(config, inst.type)?.member_kind ?? 'household';

  return (
    <section class="card" aria-labelledby="members-heading" data-testid="members">
      <div class="section-head">
        <h2 id="members-heading">{t('inst.membersTitle')}</h2>
        {canWrite && !adding && (
          <button
            type="button"
            class="primary"
            data-testid="member-add"
            onClick={() => setAdding(true)}
          >
            {t('inst.addMember')}
          </button>
        )}
      </div>
      <Check label={t('inst.showFormer')} checked={all} testid="members-all" onChange={setAll} />
      <WarningList warnings={warnings} testid="member-warnings" selfId={inst.id} />
      {adding && (
        <AddMember
          inst={inst}
          kind={kind}
          initial={refused?.kind === 'create' ? refused : undefined}
          onCancel={() => setAdding(false)}
          onDone={(w, queued) => {
            setAdding(false);
            setRefused(null);
            showInfo(queued ? t('off.queued') : t('inst.memberAdded'));
            changed(w);
          }}
        />
      )}
      <Results items={items} noneTestid="members-none" none={t('inst.noMembers')}>
        {(items) => (
          <StackTable
            rows={items}
            testid="member-table"
            row={(m) => ({
              key: m.id,
              'data-testid': 'member-row',
              'data-id': m.id,
              'data-pending': waiting.has(m.id) ? 'true' : undefined,
              class: m.left_on ? 'former' : undefined,
            })}
            columns={[
              {
                label: t('inst.member'),
                cell: (m) => (
                  <>
                    {waiting.has(m.id) && (
                      <span class="badge neutral" data-testid="member-pending">
                        {t('inst.pending')}
                      </span>
                    )}{' '}
                    {m.member_institution_id ? (
                      <a href={href('institutions', m.member_institution_id)}>
                        <bdi>{m.member_institution_name}</bdi>
                      </a>
                    ) : m.household_id ? (
                      <a href={href('households', m.household_id)}>
                        <bdi>{m.household_name ?? m.person_name}</bdi>
                      </a>
                    ) : (
                      <bdi>{m.person_name}</bdi>
                    )}
                  </>
                ),
              },
              {
                label: t('inst.representative'),
                cell: (m) => (
                  <span>
                    {m.person_name && <bdi>{m.person_name}</bdi>}
                    {m.person_sex && (
                      <span class="muted small"> ({enumLabel('sex', m.person_sex)})</span>
                    )}
                  </span>
                ),
              },
              { label: t('inst.role'), cell: (m) => roleOptionLabel(config, m.role) },
              { label: t('inst.joinedOn'), cell: (m) => <Ltr>{m.joined_on}</Ltr> },
              {
                label: t('inst.leftOn'),
                cell: (m) => (
                  <>
                    {m.left_on ? (
                      <>
                        <Ltr>{m.left_on}</Ltr>
                        {m.left_reason && (
                          <>
                            {' '}
                            · <bdi dir="auto">{m.left_reason}</bdi>
                          </>
                        )}
                      </>
                    ) : canWrite && ending !== m.id ? (
                      <button
                        type="button"
                        class="secondary small-button"
                        data-testid="member-end"
                        onClick={() => setEnding(m.id)}
                      >
                        {t('inst.endMembership')}
                      </button>
                    ) : (
                      ending !== m.id && <span class="badge on">{t('inst.current')}</span>
                    )}
                    {ending === m.id && (
                      <EndMembership
                        inst={inst}
                        membership={m}
                        initial={refused?.record === m.id ? refused : undefined}
                        onCancel={() => setEnding(null)}
                        onDone={(w, queued) => {
                          setEnding(null);
                          setRefused(null);
                          showInfo(queued ? t('off.queued') : t('inst.memberEnded'));
                          changed(w);
                        }}
                      />
                    )}
                  </>
                ),
              },
            ]}
          />
        )}
      </Results>
    </section>
  );
}

// The body of a refused entry being fixed, as strings ('' when absent).
const typed = (e: OutboxEntry | undefined, k: string): string => {
  const v = (e?.body as Record<string, unknown> | undefined)?.[k];
  return v === null || v === undefined ? '' : String(v);
};

function EndMembership({
  inst,
  membership,
  initial,
  onDone,
  onCancel,
}: {
  inst: Institution;
  membership: Membership;
  initial?: OutboxEntry;
  onDone: (w: Warning[], queued: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [leftOn, setLeftOn] = useState(() => typed(initial, 'left_on') || todayIso());
  const [reason, setReason] = useState(() => typed(initial, 'left_reason'));
  const [fields, setFields] = useFieldErrors(fieldMessages(initial?.error));
  return (
    <form
      class="inline-form"
      data-testid="member-end-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        clearMessages();
        setFields({});
        const body: Record<string, string> = { left_on: leftOn };
        if (reason.trim()) body.left_reason = reason.trim();
        const result = await saveMembership(
          {
            record: membership.id,
            kind: 'update',
            method: 'PATCH',
            path: `/institutions/${encodeURIComponent(inst.id)}/members/${encodeURIComponent(membership.id)}`,
            body,
            deps: [],
            label: t('inst.labelEnd', { name: memberName(membership) }),
            edit: `institutions/${inst.id}/members/${membership.id}`,
          },
          { ...membership, ...body },
        ).catch((err) => {
          showError(err);
          return null;
        });
        if (!result) return;
        if ('fields' in result) {
          setFields(result.fields);
          showRefusal(result.error);
        } else onDone(result.warnings, result.queued);
      }}
    >
      <Field
        type="date"
        label={t('inst.leftOn')}
        value={leftOn}
        onInput={setLeftOn}
        max={todayIso()}
        error={fields.left_on}
        testid="member-left-on"
      />
      <Field
        label={`${t('inst.leftReason')} ${t('common.optional')}`}
        value={reason}
        onInput={setReason}
        dir="auto"
        error={fields.left_reason}
        testid="member-left-reason"
      />
      <SubmitCancel label={t('inst.endMembership')} testid="member-end-save" onCancel={onCancel} />
    </form>
  );
}

function AddMember({
  inst,
  kind,
  initial,
  onDone,
  onCancel,
}: {
  inst: Institution;
  kind: string;
  // A refused add being fixed: the form starts from what was typed, with the server's errors.
  initial?: OutboxEntry;
  onDone: (w: Warning[], queued: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const config = useConfig();
  const [household, setHousehold] = useState<Household | null>(null);
  const [memberInst, setMemberInst] = useState(() => typed(initial, 'member_institution_id'));
  const [person, setPerson] = useState(() => typed(initial, 'person_id'));
  const [role, setRole] = useState(() => typed(initial, 'role') || 'member');
  const [joinedOn, setJoinedOn] = useState(() => typed(initial, 'joined_on') || todayIso());
  const w = useWrite(fieldMessages(initial?.error));
  const { fields, setFields, busy } = w;
  // The membership's client id (contract14 §1), kept while the form is open so a second try
  // after a refusal replaces the queued entry (the refused entry's own id when fixing one).
  const [newId] = useState(() => initial?.record ?? uuidv7());
  // The refused entry's household, read from the phone (or the server).
  useEffect(() => {
    const hid = typed(initial, 'household_id');
    if (!hid) return;
    loadRecord<Household>('households', hid, `/households/${encodeURIComponent(hid)}`)
      .then((l) => setHousehold(l.record))
      .catch(showError);
  }, []);

  async function submit(e: Event) {
    e.preventDefault();
    clearMessages();
    setFields({});
    const body: Record<string, string> = { role, joined_on: joinedOn };
    if (kind === 'institution') {
      body.member_institution_id = memberInst;
      if (person) body.person_id = person;
    } else {
      if (household) body.household_id = household.id;
      if (person) body.person_id = person;
    }
    const local: Membership = {
      id: newId,
      institution_id: inst.id,
      institution_name: inst.name,
      household_id: household?.id ?? null,
      household_name: household?.head_name ?? null,
      person_id: person || null,
      person_name: household?.people?.find((p) => p.id === person)?.name ?? null,
      person_sex: household?.people?.find((p) => p.id === person)?.sex ?? null,
      member_institution_id: kind === 'institution' ? memberInst : null,
      member_institution_name: null,
      role,
      joined_on: joinedOn,
      left_on: null,
    };
    await w.run(async () => {
      const result = await saveMembership(
        {
          record: newId,
          kind: 'create',
          method: 'POST',
          path: `/institutions/${encodeURIComponent(inst.id)}/members`,
          body: { id: newId, ...body },
          // A household registered on this phone reaches the server first.
          deps: household ? [household.id] : [],
          label: t('inst.labelAdd', { name: memberName(local), inst: inst.name }),
          edit: `institutions/${inst.id}/members/${newId}`,
        },
        local,
      );
      if ('fields' in result) {
        setFields(result.fields);
        showRefusal(result.error);
      } else onDone(result.warnings, result.queued);
    });
  }

  const roles = (config?.member_roles ?? []).map((r) => ({
    value: r.code,
    label: roleOptionLabel(config, r.code),
  }));
  return (
    <form class="subform form-narrow" data-testid="member-form" noValidate onSubmit={submit}>
      <h3>{t('inst.addMember')}</h3>
      {kind === 'institution' ? (
        <MemberInstitutionChoice
          inst={inst}
          value={memberInst}
          person={person}
          onChange={(id) => {
            setMemberInst(id);
            setPerson('');
          }}
          onPerson={setPerson}
          fields={fields}
        />
      ) : (
        <>
          <HouseholdSearch
            area={inst.area_id}
            value={household}
            onChange={(h) => {
              setHousehold(h);
              setPerson('');
            }}
            error={fields.household_id}
          />
          {household && (
            <PersonChoice
              household={household}
              value={person}
              onChange={setPerson}
              error={fields.person_id}
              optional={kind === 'household'}
            />
          )}
          {!household && fields.person_id && <div class="field-error">{fields.person_id}</div>}
        </>
      )}
      <SelectField
        label={t('inst.role')}
        value={role}
        onChange={setRole}
        options={roles}
        error={fields.role}
        testid="member-role"
      />
      <Field
        type="date"
        label={t('inst.joinedOn')}
        value={joinedOn}
        onInput={setJoinedOn}
        max={todayIso()}
        error={fields.joined_on}
        testid="member-joined-on"
      />
      <FieldErrorsElsewhere
        fields={fields}
        entity="memberships"
        shown={['household_id', 'person_id', 'member_institution_id', 'role', 'joined_on']}
      />
      <SubmitCancel
        label={t('inst.addMember')}
        testid="member-save"
        disabled={busy}
        onCancel={onCancel}
      />
    </form>
  );
}

// Finds a household of the institution's area by head name, father's name, code or phone.
function HouseholdSearch({
  area,
  value,
  onChange,
  error,
}: {
  area: string;
  value: Household | null;
  onChange: (h: Household | null) => void;
  error?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  // Searched 250 ms after typing stops, until a household is chosen: in the working set once
  // the phone holds one (offline too), else on the server.
  const text = value ? '' : q.trim();
  const results = useFetch<Household[]>(
    text ? '/households' + query({ area, q: text, limit: 20 }) : null,
    { delay: 250, reset: true, load: () => findHouseholds(area, text) },
  ).data;

  if (value) {
    return (
      <div class="field">
        <div class="field-label">{t('inst.household')}</div>
        <div class="picker-chosen">
          <span data-testid="member-household-chosen">
            {t('picker.chosen', { name: value.head_name })}{' '}
            {value.code && (
              <span class="muted small">
                <Ltr>{value.code}</Ltr>
              </span>
            )}
          </span>
          <button type="button" class="secondary" onClick={() => onChange(null)}>
            {t('picker.change')}
          </button>
        </div>
        {error && (
          <div class="field-error" data-testid="member-household-error">
            {error}
          </div>
        )}
      </div>
    );
  }
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <Field
        type="search"
        label={t('inst.findHousehold')}
        value={q}
        onInput={setQ}
        testid="member-household-search"
        hint={t('inst.findHouseholdHint')}
      />
      {results && (
        <ul class="picker-results" aria-label={t('areas.results')}>
          {results.length === 0 && <li class="muted">{t('areas.noResults')}</li>}
          {results.map((h) => (
            <li key={h.id}>
              <button
                type="button"
                class="link"
                data-testid="member-household-option"
                data-id={h.id}
                onClick={() => {
                  // The list item has no people; the record has.
                  loadRecord<Household>(
                    'households',
                    h.id,
                    `/households/${encodeURIComponent(h.id)}`,
                  )
                    .then((l) => onChange(l.record))
                    .catch(showError);
                }}
              >
                <bdi>{h.head_name}</bdi>
                {h.head_father_name && (
                  <>
                    {' '}
                    · <bdi>{h.head_father_name}</bdi>
                  </>
                )}{' '}
                <span class="muted">
                  ({h.code && <Ltr>{h.code}</Ltr>} <bdi>{h.area_name}</bdi>)
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <div class="field-error" data-testid="member-household-error">
          {error}
        </div>
      )}
    </div>
  );
}

function PersonChoice({
  household,
  value,
  onChange,
  error,
  optional,
}: {
  household: Household;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  optional: boolean;
}) {
  const { t } = useI18n();
  const people: Person[] = household.people ?? [];
  const options = people.map((p) => ({
    value: p.id,
    label: `${p.name} (${enumLabel('sex', p.sex)}${p.age !== null ? ', ' + t('hh.ageYears', { n: p.age }) : ''}, ${enumLabel('relation', p.relation)})`,
  }));
  return (
    <SelectField
      label={optional ? `${t('inst.representative')} ${t('common.optional')}` : t('inst.person')}
      value={value}
      onChange={onChange}
      options={[
        { value: '', label: optional ? t('inst.headDefault') : t('inst.choosePerson') },
        ...options,
      ]}
      error={error}
      testid="member-person"
    />
  );
}

// A member institution (federated into this one) and its representative, one of its members.
function MemberInstitutionChoice({
  inst,
  value,
  person,
  onChange,
  onPerson,
  fields,
}: {
  inst: Institution;
  value: string;
  person: string;
  onChange: (id: string) => void;
  onPerson: (id: string) => void;
  fields: Record<string, string>;
}) {
  const { t } = useI18n();

  const children =
    useFetch<Page<Institution>>('/institutions' + query({ parent: inst.id, limit: 500 })).data
      ?.items ?? null;

  const reps =
    useFetch<{ items: Membership[] }>(
      value ? `/institutions/${encodeURIComponent(value)}/members` : null,
      { reset: true },
    ).data?.items.filter((m) => m.person_id) ?? [];

  if (!children) return <p class="muted">{t('common.loading')}</p>;
  if (children.length === 0)
    return (
      <p class="notice" data-testid="member-no-children">
        {t('inst.noChildInstitutions')}
      </p>
    );
  return (
    <>
      <SelectField
        label={t('inst.memberInstitution')}
        value={value}
        onChange={onChange}
        error={fields.member_institution_id}
        testid="member-institution"
        options={[
          { value: '', label: t('inst.chooseInstitution') },
          ...children.map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
      {value && (
        <SelectField
          label={t('inst.representative')}
          value={person}
          onChange={onPerson}
          error={fields.person_id}
          testid="member-person"
          options={[
            { value: '', label: t('inst.choosePerson') },
            ...reps.map((m) => ({ value: m.person_id ?? '', label: m.person_name ?? '' })),
          ]}
        />
      )}
    </>
  );
}

// Households to choose from: the working set's once the phone holds one (offline too, names in
// any script), else the server's, in the institution's area.
async function findHouseholds(area: string, q: string): Promise<Household[]> {
  if (await hasWorkingSet()) return searchLocal<Household>('households', q, 20);
  return (await get<Page<Household>>('/households' + query({ area, q, limit: 20 }))).items;
}

// The institution's memberships kept on this phone (from the sync, or added or ended here).
async function deviceMembers(instId: string): Promise<{ m: Membership; pending: boolean }[]> {
  const rows = await allRows('memberships');
  return rows
    .filter((r) => (r.r as unknown as Membership).institution_id === instId)
    .map((r) => ({ m: r.r as unknown as Membership, pending: !!r.pending }));
}

const memberName = (m: Membership) =>
  m.member_institution_name ?? m.household_name ?? m.person_name ?? '';

type Saved =
  | { warnings: Warning[]; queued: boolean }
  | { fields: Record<string, string>; error: OutboxError | undefined };

// Queues a membership write and tries to send it: the server's warnings once sent (none while
// it waits for the network), or the refusal's field errors (kept in the outbox to fix there).
async function saveMembership(
  e: {
    record: string;
    kind: 'create' | 'update';
    method: 'POST' | 'PATCH';
    path: string;
    body: Record<string, unknown>;
    deps: string[];
    label: string;
    edit: string;
  },
  local: Membership,
): Promise<Saved> {
  await enqueue(
    { ...e, entity: 'memberships' },
    { entity: 'memberships', record: local as unknown as Record<string, unknown> },
  );
  const result = await outcome([e.record]);
  if (result === 'queued') return { warnings: [], queued: true };
  if (result === 'sent')
    return { warnings: (answers.get(e.record) as Membership)?.warnings ?? [], queued: false };
  return { fields: fieldMessages(result.error), error: result.error };
}
