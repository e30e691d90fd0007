// Field errors away from their fields: the errors of fields a form has no input for, listed with
// the field's name in the user's language (never a raw path such as people[0].wg.cognition), and
// that name for the outbox, which lists a refused entry's errors away from its form. (The form's
// error state, which goes to the first field in error, is field_focus.ts, small for the shell.)
import { hasKey, t, useI18n, type MessageKey } from '../i18n';
import { formatNumber } from '../i18n/format';

// The field names of the records the field app writes, by outbox entity: path -> label key.
// A list's items (people[0].sex) are named by the list's item label and the inner field.
const PERSON: Record<string, MessageKey> = {
  name: 'person.name',
  sex: 'person.sex',
  relation: 'person.relation',
  age: 'person.ageYears',
  birth_date: 'person.birthDate',
  wg: 'wg.title',
  'wg.seeing': 'wg.q.seeing',
  'wg.hearing': 'wg.q.hearing',
  'wg.mobility': 'wg.q.mobility',
  'wg.cognition': 'wg.q.cognition',
  'wg.self_care': 'wg.q.self_care',
  'wg.communication': 'wg.q.communication',
  displacement: 'person.displacement',
  phone: 'person.phone',
};

const HOUSEHOLD: Record<string, MessageKey> = {
  area_id: 'hh.village',
  head_name: 'hh.head',
  head_father_name: 'hh.fatherName',
  code: 'hh.code',
  phone: 'hh.phone',
  national_id: 'hh.nationalId',
  address: 'hh.address',
  psc_score: 'hh.pscScore',
  psc_date: 'hh.pscDate',
  psc_source: 'hh.pscSource',
  latitude: 'hh.latitude',
  longitude: 'hh.longitude',
};

const ACTIVITY: Record<string, MessageKey> = {
  type: 'act.type',
  course_id: 'act.course',
  topics: 'act.topics',
  held_on: 'act.heldOn',
  start_time: 'act.start',
  end_time: 'act.end',
  area_id: 'act.area',
  place: 'act.place',
  institution_ids: 'act.institutionsInvolved',
  counts: 'act.participants',
  participants_total: 'act.participants',
  attendance: 'act.participants',
  facilitators: 'act.facilitators',
  decisions: 'act.decisions',
  follow_up: 'act.followUp',
  title: 'act.titleField',
  notes: 'act.notes',
  correction_reason: 'act.correctionReason',
  photo: 'act.photo',
};

const FEEDBACK: Record<string, MessageKey> = {
  category: 'fb.category',
  channel: 'fb.channel',
  received_on: 'fb.receivedOn',
  area_id: 'act.area',
  cefc_id: 'fb.cefc',
  description: 'fb.description',
  person_name: 'fb.personName',
  person_contact: 'fb.personContact',
  person_sex: 'fb.personSex',
  person_age_band: 'fb.personAge',
  language: 'fb.language',
  tags: 'fb.tags',
};

const MEMBERSHIP: Record<string, MessageKey> = {
  household_id: 'inst.household',
  person_id: 'inst.person',
  member_institution_id: 'inst.memberInstitution',
  role: 'inst.role',
  joined_on: 'inst.joinedOn',
  left_on: 'inst.leftOn',
  left_reason: 'inst.leftReason',
};

const ENTITY_LABELS: Record<string, Record<string, MessageKey>> = {
  households: HOUSEHOLD,
  people: PERSON,
  activities: ACTIVITY,
  feedback: FEEDBACK,
  memberships: MEMBERSHIP,
};

// Labels a form gives beside (or instead of) its entity's: path -> text already translated.
export type FieldLabels = Record<string, string>;

function known(entity: string | undefined, labels: FieldLabels | undefined, path: string) {
  if (labels?.[path]) return labels[path];
  const key = entity ? ENTITY_LABELS[entity]?.[path] : undefined;
  if (key && hasKey(key)) return t(key);
  if (path === 'version') return t('field.version');
  if (path === 'id') return t('field.id');
  return null;
}

// The name of the field at `path` in the user's language: people[1].wg.cognition -> "Person 2 —
// Difficulty remembering…". A path the app has no name for shows its last word in plain letters.
export function fieldLabel(path: string, entity?: string, labels?: FieldLabels): string {
  const direct = known(entity, labels, path);
  if (direct) return direct;
  const item = /^(\w+)\[(\d+)\]\.?(.*)$/.exec(path);
  if (item) {
    const [, list, index, rest] = item;
    const inner = rest
      ? fieldLabel(rest, list === 'people' ? 'people' : entity, labels)
      : (known(entity, labels, list) ?? plain(list));
    const n = formatNumber(Number(index) + 1);
    if (list === 'people') return t('field.inPerson', { n, field: inner });
    return `${known(entity, labels, list) ?? plain(list)} ${n} — ${inner}`;
  }
  const dot = path.lastIndexOf('.');
  return dot >= 0 ? fieldLabel(path.slice(dot + 1), entity, labels) : plain(path);
}

const plain = (name: string) => name.replace(/_id$/, '').replace(/[_.]+/g, ' ');

// Field errors the form has no input for (e.g. "version"), listed with each field's name so none
// is lost. `shown` says which paths have an input on the form; `entity` (an outbox entity) and
// `labels` name the rest.
export function FieldErrorsElsewhere({
  fields,
  shown,
  entity,
  labels,
}: {
  fields: Record<string, string>;
  shown: string[] | ((k: string) => boolean);
  entity?: string;
  labels?: FieldLabels;
}) {
  useI18n();
  const isShown = typeof shown === 'function' ? shown : (k: string) => shown.includes(k);
  const rest = Object.entries(fields).filter(([k]) => !isShown(k));
  if (rest.length === 0) return null;
  return <FieldErrorList errors={rest} entity={entity} labels={labels} testid="other-errors" />;
}

// A list of field errors, each with its field's name: "Person 1 — Sex: Fill this in."
export function FieldErrorList({
  errors,
  entity,
  labels,
  testid,
  itemTestid,
}: {
  errors: [string, string][];
  entity?: string;
  labels?: FieldLabels;
  testid?: string;
  itemTestid?: string;
}) {
  return (
    <ul class="field-error other-errors" data-testid={testid} tabIndex={-1}>
      {errors.map(([k, v]) => (
        <li key={k} data-testid={itemTestid} data-field={k}>
          <bdi>{fieldLabel(k, entity, labels)}</bdi>: <bdi dir="auto">{v}</bdi>
        </li>
      ))}
    </ul>
  );
}
