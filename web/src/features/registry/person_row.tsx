// One person of the household form: name, sex, birth date or age, relation, the six Washington
// Group questions (four answers each), displacement and phone.
import { useId } from 'preact/hooks';
import { Field, SelectField } from '../../components/form_fields';
import { useI18n } from '../../i18n';
import { enumLabel, enumOptions, todayIso } from '../../registry_data';
import { WG_DOMAINS, type Person, type WgDomain } from '../../types';

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
    ageMode: 'date',
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
    ageMode: p.birth_date_estimated ? 'age' : 'date',
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

// The API body of a person; on a patch, emptied fields are sent as null to clear them.
export function personBody(r: PersonRow, forPatch: boolean): Record<string, unknown> {
  const b: Record<string, unknown> = { name: r.name.trim(), sex: r.sex, relation: r.relation };
  const clear = (k: string) => {
    if (forPatch) b[k] = null;
  };
  if (r.ageMode === 'age' && r.age.trim()) b.age = Number(r.age.trim());
  else if (r.ageMode === 'date' && r.birth_date) b.birth_date = r.birth_date;
  else clear('birth_date');
  const answered = WG_DOMAINS.filter((d) => r.wg[d] !== '');
  if (answered.length > 0) {
    const wg: Record<string, number> = {};
    for (const d of answered) wg[d] = Number(r.wg[d]);
    b.wg = wg;
  } else {
    clear('wg');
  }
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
          <label class="check">
            <input
              type="radio"
              name={id + '-mode'}
              checked={row.ageMode === 'date'}
              data-testid={tid('mode-date')}
              onChange={() => set({ ageMode: 'date' })}
            />
            {t('person.birthDate')}
          </label>
          <label class="check">
            <input
              type="radio"
              name={id + '-mode'}
              checked={row.ageMode === 'age'}
              data-testid={tid('mode-age')}
              onChange={() => set({ ageMode: 'age' })}
            />
            {t('person.ageYears')}
          </label>
        </div>
      </div>
      {row.ageMode === 'date' ? (
        <Field
          type="date"
          label={t('person.birthDate')}
          value={row.birth_date}
          onInput={(birth_date) => set({ birth_date })}
          max={todayIso()}
          error={k('birth_date')}
          testid={tid('birth-date')}
        />
      ) : (
        <Field
          label={t('person.ageYears')}
          value={row.age}
          onInput={(age) => set({ age })}
          inputMode="numeric"
          dir="ltr"
          error={k('age') ?? k('birth_date')}
          testid={tid('age')}
        />
      )}
      <details
        class="wg"
        open={!row.id || WG_DOMAINS.some((d) => row.wg[d] !== '')}
        data-testid={tid('wg')}
      >
        <summary>{t('wg.title')}</summary>
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
      {onRemove && (
        <button type="button" class="danger" data-testid={tid('remove')} onClick={onRemove}>
          {t('hh.removePerson')}
        </button>
      )}
    </fieldset>
  );
}
