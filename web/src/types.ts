// Shapes of the records the API answers with (docs/api.md).

export type RoleCode = 'mobiliser' | 'officer' | 'manager' | 'me' | 'admin' | 'focal_point';
export const ROLE_CODES: RoleCode[] = ['mobiliser', 'officer', 'manager', 'me', 'admin', 'focal_point'];

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

export interface Session {
  user: User;
  csrf_token: string;
}

export interface ImportError {
  row: number;
  column: string;
  code: string;
  message: string;
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
}
