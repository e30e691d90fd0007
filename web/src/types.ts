// Shapes of the records the API answers with (docs/api.md).
import type { FieldCode } from './api';

export type RoleCode = 'mobiliser' | 'officer' | 'manager' | 'me' | 'admin' | 'focal_point';
export const ROLE_CODES: RoleCode[] = [
  'mobiliser',
  'officer',
  'manager',
  'me',
  'admin',
  'focal_point',
];

export interface RoleAssignment {
  role: RoleCode;
  area_id: string;
  area_name?: string;
}

export interface User {
  id: string;
  username: string;
  full_name: string;
  locale: string;
  disabled: boolean;
  roles: RoleAssignment[];
  supervisor_id?: string | null;
  supervisor_name?: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface Area {
  id: string;
  parent_id: string | null;
  level: number;
  level_name: string;
  level_name_local: string | null;
  code: string;
  name: string;
  name_local: string | null;
  child_count: number;
  version: number;
  created_at: string;
  updated_at: string;
  ancestors?: { id: string; name: string; level: number }[];
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

// What the caller may do, by the ids of src/domain/access/role.cpp; computed by the server
// from the role definitions and sent with the session.
export type Permission =
  | 'area.read'
  | 'area.write'
  | 'user.read'
  | 'user.write'
  | 'audit.read'
  | 'registry.read'
  | 'registry.write'
  | 'national_id.read'
  | 'config.write'
  | 'feedback.write'
  | 'feedback.manage'
  | 'feedback.sensitive'
  | 'activity.write'
  | 'activity.verify'
  | 'report.write'
  | 'report.approve'
  | 'target.write'
  | 'indicator.write'
  | 'course.write'
  | 'training_plan.write'
  | 'supervision.write';

// The configuration every screen needs, sent with the session (src/domain/demographics.hpp).
export interface SessionConfig {
  sexes: string[];
  age_bands: string[];
  unknown_age_band: string;
}

// A phone or browser signed in with a device session.
export interface DeviceRef {
  id: string;
  name: string;
}

// One of a user's devices (GET /users/{id}/devices).
export interface Device extends DeviceRef {
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
}

export interface Session {
  user: User;
  csrf_token: string;
  permissions: Permission[];
  // The subset held programme-wide (a grant on a top-level area): what set-up writes need.
  programme_permissions: Permission[];
  config: SessionConfig;
  device: DeviceRef | null;
}

export interface ImportError {
  row: number;
  column: string;
  code: string;
  message: string;
  // The row's field problem as a code and params, when it failed a field check (the app words
  // it in the user's language; `message` is the English).
  field_code?: FieldCode;
}

export interface ImportResult {
  ok: boolean;
  rows: number;
  created: number;
  errors: ImportError[];
}

export interface AuditEntry {
  id: string;
  at: string;
  user_id: string | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  device: DeviceRef | null; // the device session the change came from
}

// ---- Registry (docs/api.md "Registry configuration" .. "Registry roll-ups") ----

export interface Warning {
  code: string;
  message: string;
  household_id?: string;
  institution_id?: string;
}

export interface RegistryOption {
  code: string;
  name: string;
  name_local: string | null;
}

export type MemberKind = 'household' | 'person' | 'institution';

export interface InstitutionType extends RegistryOption {
  tier: number;
  parent_types: string[];
  member_kind: MemberKind;
  size_min: number | null;
  size_max: number | null;
}

export interface PovertyBand extends RegistryOption {
  lower_bound: number;
  poor: boolean;
}

export interface Checklist {
  code: string;
  name: string;
  institution_types: string[];
  // maturity: institution assessments; supervision: supervision visits.
  purpose: 'maturity' | 'supervision';
  items: { code: string; name: string; max_score: number; section?: string | null }[];
  grades: { grade: string; min_percent: number }[];
}

export interface RegistryConfig {
  institution_types: InstitutionType[];
  poverty_band_sets: { effective_from: string; source: string | null; bands: PovertyBand[] }[];
  checklists: Checklist[];
  member_roles: RegistryOption[];
  vulnerability_flags: RegistryOption[];
  activity_types?: RegistryOption[];
  topics?: RegistryOption[];
  facility_types?: RegistryOption[];
  risk_categories?: RegistryOption[];
}

export interface Institution {
  id: string;
  code: string | null;
  type: string;
  tier: number;
  area_id: string;
  area_name: string;
  parent_id: string | null;
  parent_name: string | null;
  name: string;
  name_local: string | null;
  formed_on: string | null;
  sex_composition: string;
  status: string;
  status_on: string | null;
  status_reason: string | null;
  merged_into_id: string | null;
  meeting_frequency: string | null;
  registration_status: string;
  registration_authority: string | null;
  registration_number: string | null;
  registration_date: string | null;
  bank_status: string;
  bank_name: string | null;
  bank_opened_on: string | null;
  savings: number;
  notes: string | null;
  member_count: number;
  child_count: number;
  latest_grade: string | null;
  latest_assessed_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  warnings?: Warning[];
  status_history?: { status: string; status_on: string; reason: string | null; at: string }[];
}

export interface Membership {
  id: string;
  institution_id?: string;
  institution_name?: string | null;
  type?: string;
  household_id: string | null;
  household_name: string | null;
  person_id: string | null;
  person_name: string | null;
  person_sex: string | null;
  member_institution_id: string | null;
  member_institution_name: string | null;
  role: string;
  joined_on: string;
  left_on: string | null;
  left_reason?: string | null;
  warnings?: Warning[];
}

export interface Assessment {
  id: string;
  checklist: string;
  assessed_on: string;
  score: number;
  grade: string;
  answers: Record<string, number>;
  notes: string | null;
}

export type WgDomain =
  'seeing' | 'hearing' | 'mobility' | 'cognition' | 'self_care' | 'communication';
export const WG_DOMAINS: WgDomain[] = [
  'seeing',
  'hearing',
  'mobility',
  'cognition',
  'self_care',
  'communication',
];

export interface Person {
  id: string;
  household_id: string;
  name: string;
  sex: string;
  birth_date: string | null;
  birth_date_estimated: boolean;
  age: number | null;
  relation: string;
  wg: Record<WgDomain, number> | null;
  disability: boolean;
  displacement: string | null;
  phone: string | null;
  version: number;
}

export interface Household {
  id: string;
  code: string | null;
  area_id: string;
  area_name: string;
  head_name: string;
  head_father_name: string | null;
  head_person_id?: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  national_id: string | null;
  national_id_masked: boolean;
  psc_score: number | null;
  psc_date: string | null;
  psc_source: string | null;
  poverty_band: string | null;
  poor: boolean;
  flags: string[];
  person_count: number;
  membership_count: number;
  organised: boolean;
  merged_into_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  people?: Person[];
  memberships?: Membership[];
  warnings?: Warning[];
}

export interface DuplicatePair {
  reason: 'national_id' | 'similar_names' | string;
  similarity: number;
  a: Household;
  b: Household;
}

export interface RegistryImportResult extends ImportResult {
  dry_run?: boolean;
  households?: number;
  people?: number;
  institutions?: number;
  memberships?: number;
}

export interface RegistrySummary {
  area: { id: string; name: string };
  institutions: { type: string; tier: number; status: string; count: number }[];
  households: {
    registered: number;
    organised: number;
    poor_registered: number;
    poor_organised: number;
    by_band: { band: string | null; poor?: boolean; registered: number; organised: number }[];
  };
  members: { sex: string; age_band: string; disability: boolean; count: number }[];
  children: {
    area_id: string;
    name: string;
    households: number;
    organised: number;
    poor: number;
    poor_organised: number;
    institutions: number;
  }[];
}

// ---- Field work (docs/api.md "Community feedback", "Field activities") ----

export interface ParticipantCount {
  sex: string;
  age_band: string;
  disability: boolean;
  count: number;
}

export interface Attendance {
  person_id: string;
  person_name?: string;
  person_sex?: string;
  attended: boolean;
  pre_score: number | null;
  post_score: number | null;
}

export interface Activity {
  id: string;
  type: string;
  course_id?: string | null;
  title: string | null;
  held_on: string;
  start_time: string | null;
  end_time: string | null;
  area_id: string;
  area_name: string;
  place: string | null;
  status: 'draft' | 'submitted' | 'verified' | 'returned' | string;
  author_id: string | null;
  author_name: string | null;
  submitted_at: string | null;
  verified_by: string | null;
  verified_by_name?: string | null;
  verified_at: string | null;
  return_comment: string | null;
  decisions: string | null;
  follow_up: string | null;
  notes: string | null;
  topics: string[];
  institution_ids: string[];
  facilitators: { user_id: string | null; name: string | null }[];
  counts: ParticipantCount[];
  attendance: Attendance[];
  counted_total: number;
  named_total: number;
  file_count: number;
  version: number;
  created_at: string;
  updated_at: string;
  // One activity as read alone: its supervisors' corrections (who, when, why), oldest first.
  corrections?: Correction[];
}

export interface Correction {
  at: string;
  by: string | null;
  by_name: string | null;
  reason: string | null;
}

export interface StoredFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  url: string;
  created_at: string;
}

export interface FeedbackCategory {
  code: string;
  name: string;
  name_local: string | null;
  sensitive: boolean;
  due_hours: number;
}

export interface Feedback {
  id: string;
  short_ref?: string; // 8 characters (short_ref.ts); absent on a receipt made offline
  area_id: string;
  area_name?: string;
  cefc_id: string | null;
  received_on: string;
  channel: string;
  category: string;
  sensitive: boolean;
  anonymous: boolean;
  person_name: string | null;
  person_contact: string | null;
  contact_hidden: boolean;
  person_sex: string | null;
  person_age_band: string | null;
  description: string;
  language: string | null;
  tags: string[];
  status: string;
  assigned_to: string | null;
  assigned_name: string | null;
  referred_to: string | null;
  response: string | null;
  responded_on: string | null;
  closed_on: string | null;
  loop_closed_by: string | null;
  satisfaction: string | null;
  due_on: string;
  version: number;
  created_at: string;
  updated_at: string;
  events?: { at: string; by: string | null; action: string; note: string | null }[];
}

export interface FeedbackSummary {
  received: number;
  closed: number;
  closed_on_time: number;
  closed_on_time_share: number | null;
  open_overdue: number;
  counts: {
    category: string;
    channel: string;
    month: string;
    received: number;
    closed: number;
    closed_on_time: number;
    open_overdue: number;
  }[];
  top_tags: { tag: string; count: number }[];
}

// ---- Trainings (docs/api.md "Trainings") ----

export interface Course {
  id: string;
  code: string;
  title: string;
  title_local: string | null;
  audience: 'staff' | 'community' | string;
  topics: string[];
  duration_hours: number;
  test_max: number | null;
  version: number;
}

export interface TrainingNeed {
  id: string;
  area_id: string;
  area_name: string;
  user_id: string | null;
  institution_id: string | null;
  subject_name: string | null;
  course_id: string | null;
  need: string;
  priority: 'high' | 'medium' | 'low' | string;
  assessed_on: string;
  version: number;
}

// A staff member offered for picking (GET /staff): no contact details.
export interface StaffMember {
  id: string;
  full_name: string;
  roles: { role: string; area_id: string; area_name: string }[];
}

export interface TrainingPlan {
  id: string;
  course_id: string;
  course_title: string;
  area_id: string;
  area_name: string;
  period: string;
  period_start: string;
  period_end: string;
  planned_events: number;
  planned_participants: number;
  version: number;
}

export interface PlanAchievement extends TrainingPlan {
  held_events: number;
  trained: number;
}

export interface Trainee {
  person_id: string;
  person_name: string;
  attended: boolean;
  pre_score: number | null;
  post_score: number | null;
  gain: number | null;
  normalised_gain: number | null;
}

export interface TraineeReport {
  activity_id: string;
  status: string;
  version: number; // the activity's
  course_id: string;
  course_title: string;
  test_max: number | null;
  average_gain: number | null;
  average_normalised_gain: number | null;
  items: Trainee[];
}

export interface Followup {
  id: string;
  person_id: string;
  person_name: string;
  followed_on: string;
  applies: 'yes' | 'partly' | 'no' | string;
  notes: string | null;
  version: number;
}

export interface PlanImportResult extends ImportResult {
  dry_run?: boolean;
  saved?: number;
}
