// One person of the household form: name, sex, age in years (or the birth date when known),
// relation, the six Washington Group questions (four answers each), displacement and phone. A
// person already registered shows its name and a line of what is known (sex, age, relation)
// until "Change details" opens the rest: a household of several people opens at once on a slow
// phone, and the row a user came to change is found by its name.
import { useId, useState } from 'preact/hooks';
import { Check } from '../../components/form';
import { Field, SelectField } from '../../components/form_fields';
import { useI18n } from '../../i18n';
import { enumLabel, enumOptions, todayIso } from '../../registry_data';
import { WG_DOMAINS, type Person, type WgDomain } from '../../types';

// The two ways to give a person's age, in the order offered.
const AGE_MODES = [
  ['age', 'person.ageYears'],
  ['date', 'person.birthDate'],
] as const;

export interface PersonRow {
  key: string;
  id?: string;
  version?: number;
  // The body last saved, to send only changed people on edit.
  saved?: string;
  name: string;
  sex: string;
  ageMode: 'date' | 'age';
  birth_date: string;
  age: string;
  relation: string;
  wg: Record<WgDomain, string>;
  displacement: string;
  phone: string;
}

let seq = 0;
const noWg = (): Record<WgDomain, string> => ({
  seeing: '',
  hearing: '',
  mobility: '',
  cognition: '',
  self_care: '',
  communication: '',
});

export function emptyPerson(relation: string): PersonRow {
  return {
    key: 'p' + ++seq,
    name: '',
    sex: '',
    // Most people know their age, few their birth date: years first.
    ageMode: 'age',
    birth_date: '',
    age: '',
    relation,
    wg: noWg(),
    displacement: '',
    phone: '',
  };
}

export function rowOf(p: Person): PersonRow {
  const wg = noWg();
  if (p.wg) for (const d of WG_DOMAINS) wg[d] = String(p.wg[d]);
  const row: PersonRow = {
    key: p.id,
    id: p.id,
    version: p.version,
    name: p.name,
    sex: p.sex,
    ageMode: p.birth_date && !p.birth_date_estimated ? 'date' : 'age',
    birth_date: p.birth_date_estimated ? '' : (p.birth_date ?? ''),
    age: p.age !== null ? String(p.age) : '',
    relation: p.relation,
    wg,
    displacement: p.displacement ?? '',
    phone: p.phone ?? '',
  };
  row.saved = JSON.stringify(personBody(row, true));
  return row;
}

// The answered Washington Group questions of a row, or null when none is.
export function wgOf(r: PersonRow): Record<WgDomain, number> | null {
  const answered = WG_DOMAINS.filter((d) => r.wg[d] !== '');
  if (answered.length === 0) return null;
  const wg = {} as Record<WgDomain, number>;
  for (const d of answered) wg[d] = Number(r.wg[d]);
  return wg;
}

// The household flags the server derives from its people (household_rules.cpp DeriveFlags):
// the form shows them instead of asking.
export const DERIVED = ['female_headed', 'elderly_headed', 'disability', 'displaced'];

function ageOf(r: PersonRow, today: string): number | null {
  if (r.ageMode === 'age') return r.age.trim() ? Number(r.age.trim()) : null;
  if (!r.birth_date) return null;
  const [y, m, d] = r.birth_date.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

export function derivedFlags(rows: PersonRow[], today = todayIso()): string[] {
  const out: string[] = [];
  const head = rows.find((r) => r.relation === 'head');
  if (head?.sex === 'f') out.push('female_headed');
  const headAge = head ? ageOf(head, today) : null;
  if (headAge !== null && headAge >= 60) out.push('elderly_headed');
  // A person has a disability when any answer is "a lot of difficulty" (3) or "cannot do" (4).
  if (rows.some((r) => Object.values(wgOf(r) ?? {}).some((a) => a >= 3))) out.push('disability');
  if (rows.some((r) => r.displacement !== '' && r.displacement !== 'host')) out.push('displaced');
  return out;
}

// The API body of a person; on a patch, emptied fields are sent as null to clear them.
export function personBody(r: PersonRow, forPatch: boolean): Record<string, unknown> {
  const b: Record<string, unknown> = { name: r.name.trim(), sex: r.sex, relation: r.relation };
  const clear = (k: string) => {
    if (forPatch) b[k] = null;
  };
  if (r.ageMode === 'age' && r.age.trim()) b.age = Number(r.age.trim());
  else if (r.ageMode === 'date' && r.birth_date) b.birth_date = r.birth_date;
  else clear('birth_date');
  const wg = wgOf(r);
  if (wg) b.wg = wg;
  else clear('wg');
  if (r.displacement) b.displacement = r.displacement;
  else clear('displacement');
  if (r.phone.trim()) b.phone = r.phone.trim();
  else clear('phone');
  return b;
}

interface Props {
  index: number;
  row: PersonRow;
  fields: Record<string, string>;
  onChange: (row: PersonRow) => void;
  onRemove?: () => void;
}

export function PersonRowEditor({ index, row, fields, onChange, onRemove }: Props) {
  const { t } = useI18n();
  const id = useId();
  const k = (f: string) => fields[`people[${index}].${f}`];
  const set = (p: Partial<PersonRow>) => onChange({ ...row, ...p });
  const tid = (f: string) => `person-${index}-${f}`;
  const wgError = k('wg');
  // The six questions are drawn only while their section is open (a household of eight people
  // opens at once on a slow phone); open for a new person, with answers, or with an error.
  const [wgOpen, setWgOpen] = useState(() => !row.id || WG_DOMAINS.some((d) => row.wg[d] !== ''));
  const wgShown = wgOpen || !!wgError || WG_DOMAINS.some((d) => !!k('wg.' + d));
  // New people open; registered ones open on request or when a field of theirs has an error.
  const [open, setOpen] = useState(() => !row.id);
  const prefix = `people[${index}].`;
  const shown = open || Object.keys(fields).some((f) => f.startsWith(prefix));
  const age =
    row.ageMode === 'age'
      ? row.age.trim() && Number.isFinite(Number(row.age))
        ? t('hh.ageYears', { n: Number(row.age) })
        : ''
      : row.birth_date;
  const summary = [enumLabel('sex', row.sex), age, enumLabel('relation', row.relation)]
    .filter(Boolean)
    .join(t('common.listSep'));
  return (
    <fieldset class="person-row" data-testid={'person-' + index}>
      <legend>
        {t('person.number', { n: index + 1 })}
        {row.relation === 'head' && ` · ${enumLabel('relation', 'head')}`}
      </legend>
      <Field
        label={t('person.name')}
        value={row.name}
        onInput={(name) => set({ name })}
        dir="auto"
        error={k('name')}
        testid={tid('name')}
      />
      {!shown && (
        <div class="person-summary">
          <span class="muted" data-testid={tid('summary')}>
            {summary}
          </span>
          <button
            type="button"
            class="secondary small-button"
            data-testid={tid('more')}
            onClick={() => setOpen(true)}
          >
            {t('person.more')}
          </button>
        </div>
      )}
      {shown && (
        <PersonDetails
          row={row}
          set={set}
          k={k}
          tid={tid}
          id={id}
          wgShown={wgShown}
          setWgOpen={setWgOpen}
          wgError={wgError}
        />
      )}
      {onRemove && (
        <button type="button" class="danger" data-testid={tid('remove')} onClick={onRemove}>
          {t('hh.removePerson')}
        </button>
      )}
    </fieldset>
  );
}

// The rest of a person's fields (all but the name).
function PersonDetails({
  row,
  set,
  k,
  tid,
  id,
  wgShown,
  setWgOpen,
  wgError,
}: {
  row: PersonRow;
  set: (p: Partial<PersonRow>) => void;
  k: (f: string) => string | undefined;
  tid: (f: string) => string;
  id: string;
  wgShown: boolean;
  setWgOpen: (open: boolean) => void;
  wgError?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <div class="form-row">
        <SelectField
          label={t('person.sex')}
          value={row.sex}
          onChange={(sex) => set({ sex })}
          error={k('sex')}
          testid={tid('sex')}
          options={enumOptions('sex', t('reg.choose'))}
        />
        <SelectField
          label={t('person.relation')}
          value={row.relation}
          onChange={(relation) => set({ relation })}
          error={k('relation')}
          testid={tid('relation')}
          options={enumOptions('relation', t('reg.choose'))}
        />
      </div>
      <div class="field" role="radiogroup" aria-labelledby={id + '-age'}>
        <div class="field-label" id={id + '-age'}>
          {t('person.ageOrBirth')}
        </div>
        <div class="choice-row">
          {AGE_MODES.map(([mode, label]) => (
            <Check
              key={mode}
              name={id + '-mode'}
              label={t(label)}
              checked={row.ageMode === mode}
              testid={tid('mode-' + mode)}
              onChange={() => set({ ageMode: mode })}
            />
          ))}
        </div>
      </div>
      {row.ageMode === 'age' ? (
        <Field
          label={t('person.ageYears')}
          value={row.age}
          onInput={(age) => set({ age })}
          inputMode="numeric"
          dir="ltr"
          error={k('age') ?? k('birth_date')}
          testid={tid('age')}
        />
      ) : (
        <Field
          type="date"
          label={t('person.birthDate')}
          value={row.birth_date}
          onInput={(birth_date) => set({ birth_date })}
          max={todayIso()}
          error={k('birth_date')}
          testid={tid('birth-date')}
        />
      )}
      <details
        class="wg"
        open={wgShown}
        onToggle={(e) => setWgOpen((e.currentTarget as HTMLDetailsElement).open)}
        data-testid={tid('wg')}
      >
        <summary>{t('wg.title')}</summary>
        {wgShown && (
          <>
            <p class="hint">{t('wg.hint')}</p>
            {WG_DOMAINS.map((d) => (
              <SelectField
                key={d}
                label={t(`wg.q.${d}`)}
                value={row.wg[d]}
                onChange={(v) => set({ wg: { ...row.wg, [d]: v } })}
                error={k('wg.' + d)}
                testid={tid('wg-' + d)}
                options={enumOptions('wg', t('wg.notAsked'))}
              />
            ))}
            {wgError && <div class="field-error">{wgError}</div>}
          </>
        )}
      </details>
      <div class="form-row">
        <SelectField
          label={t('person.displacement')}
          value={row.displacement}
          onChange={(displacement) => set({ displacement })}
          error={k('displacement')}
          testid={tid('displacement')}
          options={enumOptions('displacement', t('reg.notSet'))}
        />
        <Field
          type="tel"
          label={`${t('person.phone')} ${t('common.optional')}`}
          value={row.phone}
          onInput={(phone) => set({ phone })}
          dir="ltr"
          error={k('phone')}
          testid={tid('phone')}
        />
      </div>
    </>
  );
}
