// Role and locale labels for lists and forms.
import { LANGUAGES, t } from './i18n';
import type { MessageKey } from './i18n';
import { ROLE_CODES, type RoleCode } from './types';

export function roleLabel(role: string): string {
  return (ROLE_CODES as string[]).includes(role) ? t(('role.' + role) as MessageKey) : role;
}

export function roleOptions(): { value: RoleCode; label: string }[] {
  return ROLE_CODES.map((r) => ({ value: r, label: roleLabel(r) }));
}

// Account locales the server accepts, each named in its own language.
export const ACCOUNT_LOCALES: { value: string; label: string }[] = LANGUAGES.map((l) => ({
  value: l.code,
  label: l.name,
}));
