// The JSON of the Collect API (the issue 16 contract, docs/api.md): devices, forms, submissions.

// A Collect device (an app user): its token is only in the answer that created it.
export interface CollectDevice {
  id: string;
  name: string;
  user_id: string;
  user_name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

// POST /devices: the device with what Collect needs, answered once.
export interface NewCollectDevice extends CollectDevice {
  token: string;
  server_url: string;
  // What Collect's QR code holds: its JSON settings, zlib-deflated and base64-encoded.
  settings: string;
}

export type FormState = 'open' | 'closing' | 'closed';
export const FORM_STATES: FormState[] = ['open', 'closing', 'closed'];

export interface FormVersion {
  version: string;
  md5: string;
  created_at: string;
  published_at: string | null;
}

export interface XForm {
  id: string;
  xml_form_id: string;
  title: string;
  kind: string;
  state: FormState;
  published_version: string | null;
  versions: FormVersion[];
  assignments: { device_ids: string[]; area_ids: string[] };
  submissions: number;
  // The row version a PATCH names.
  version: number;
}

export const REVIEW_STATES = ['received', 'has_issues', 'approved', 'rejected', 'edited'];
// The states a reviewer sets ('edited' comes from a new version of the submission).
export const REVIEW_CHOICES = ['received', 'has_issues', 'approved', 'rejected'];

export interface SubmissionRow {
  id: string;
  instance_id: string;
  instance_name: string | null;
  submitted_at: string;
  user_id: string;
  user_name: string;
  device_name: string | null;
  area_id: string | null;
  review_state: string;
  record_type: string | null;
  record_id: string | null;
  attachments_present: number;
  attachments_expected: number;
  version: number;
}

// A page of submissions: the next page is asked for with `next_cursor` (none: the last page).
export interface SubmissionPage {
  items: SubmissionRow[];
  next_cursor?: string | null;
  total?: number;
}

// GET /forms/{id}/schema: a form version's questions with their labels by itext language ("" for
// a label written without translations) and their choices.
export interface SchemaField {
  path: string;
  type: string;
  repeat: boolean;
  label: Record<string, string>;
  choices: { value: string; label: Record<string, string> }[];
}
export interface FormSchema {
  form_id: string;
  version: string;
  languages: string[];
  default_language: string;
  fields: SchemaField[];
}

export interface Submission extends SubmissionRow {
  form_id?: string;
  // The form version it answers.
  form_version?: string;
  values: [string, string][];
  attachments: { name: string; present: boolean; url: string }[];
  comments: { user_name: string; body: string; review_state: string | null; created_at: string }[];
}
