// What the community screens share: the API's shapes and the labels of configured codes.
import { ApiError } from '../../api';
import { hasKey, type MessageKey } from '../../i18n';
import { fieldMessages } from '../../i18n/field_message';
import { showError, showInfo } from '../../messages';
import type { RegistryConfig, RegistryOption } from '../../types';

export interface Figure {
  name: string;
  value: number;
  source: string;
  dated_on: string;
}
export interface Facility {
  type: string;
  name: string;
  status: string;
  latitude: number | null;
  longitude: number | null;
}
export interface Person {
  name: string;
  position: string;
  organisation: string;
  contact: string | null;
}
export interface KeyInstitution {
  institution_id: string;
  name: string;
  type: string;
  note: string | null;
  latitude: number | null;
  longitude: number | null;
}
export interface ProfileContent {
  figures: Figure[];
  facilities: Facility[];
  personnel: Person[];
  institutions: KeyInstitution[];
  hazards: string[];
  strengths: string[];
  weaknesses: string[];
  opportunities: string[];
  threats: string[];
}
export interface ProfileVersion extends ProfileContent {
  id: string;
  as_of: string;
  note: string | null;
  created_at: string;
  created_by_name: string | null;
}
export interface ProfileChange {
  section: string;
  item: string;
  field: string;
  before: string | null;
  after: string | null;
}
export interface Profile {
  id: string | null;
  area_id: string;
  area_name: string;
  as_of: string;
  contacts_visible: boolean;
  version: ProfileVersion | null;
  previous_as_of: string | null;
  changes: ProfileChange[];
  versions: { id: string; as_of: string; created_at: string; created_by_name: string | null }[];
  registry: {
    households: number;
    poor_households: number;
    institutions: number;
    members_by_sex: Record<string, number>;
  };
}
export interface LevelChange {
  id: string;
  risk_id: string;
  changed_at: string;
  changed_by_name: string | null;
  from_level: number;
  to_level: number;
  from_band: string;
  to_band: string;
  area_id: string;
  area_name: string;
  category: string;
  description: string;
}
export interface Risk {
  id: string;
  area_id: string;
  area_name: string;
  category: string;
  description: string;
  likelihood: number;
  impact: number;
  level: number;
  band: string;
  trend: string;
  mitigation: string | null;
  owner_id: string | null;
  owner_name: string | null;
  next_review_on: string;
  overdue: boolean;
  version: number;
  changes?: LevelChange[];
}

export const FACILITY_STATUSES = ['functional', 'partly_functional', 'not_functional'];
export const TRENDS = ['rising', 'stable', 'falling'];
export const SWOT = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;

// A configured option's label: this build's word for a default code in the user's language,
// else the deployment's local name (not in English), else its name.
export function configLabel(
  t: (k: MessageKey) => string,
  lang: string,
  prefix: string,
  options: RegistryOption[] | undefined,
  code: string,
): string {
  const key = `${prefix}${code}`;
  if (hasKey(key)) return t(key);
  const o = options?.find((x) => x.code === code);
  if (o && lang !== 'en' && o.name_local) return o.name_local;
  return o?.name ?? code;
}

// A configured list as a select's options, each labelled by configLabel.
export function configOptions(
  t: (k: MessageKey) => string,
  lang: string,
  prefix: string,
  options: RegistryOption[],
): { value: string; label: string }[] {
  return options.map((o) => ({
    value: o.code,
    label: configLabel(t, lang, prefix, options, o.code),
  }));
}

export const facilityTypes = (c: RegistryConfig | null) => c?.facility_types ?? [];
export const riskCategories = (c: RegistryConfig | null) => c?.risk_categories ?? [];

// Sends a form's write: on success says `saved` and runs `done`; on failure shows the error and
// puts the server's messages by their fields (setErrors).
export async function saveForm(
  write: () => Promise<unknown>,
  saved: string,
  setErrors: (fields: Record<string, string>) => void,
  done: () => void,
) {
  try {
    await write();
    showInfo(saved);
    done();
  } catch (err) {
    if (err instanceof ApiError) setErrors(fieldMessages(err));
    showError(err);
  }
}
