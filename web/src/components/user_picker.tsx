// Chooses a staff member (a supervisor, a plan's owner) among the users the caller may read, by
// typing part of their name; "none" when `allowNone`. The list is read once (500 at most).
import { useI18n } from '../i18n';
import type { User } from '../types';
import { useFetch } from '../use_fetch';
import { SearchPicker, type PickerOption } from './search_picker';

interface Props {
  label: string;
  value: string;
  onChange: (id: string) => void;
  testid: string;
  error?: string;
  // A user not to offer (the one being edited).
  exclude?: string;
  allowNone?: boolean;
  // Shown while the list loads, or when the chosen user is not in it.
  currentLabel?: string;
}

// "None" as a value of its own, so the picker opens closed on it (SearchPicker opens when empty).
const NONE = '-';

export function UserPicker(p: Props) {
  const { t } = useI18n();
  const { data } = useFetch<{ items: User[] }>('/users?limit=500&disabled=false');
  const options: PickerOption[] = [];
  if (p.allowNone) options.push({ value: NONE, label: t('users.noSupervisor') });
  for (const u of data?.items ?? [])
    if (u.id !== p.exclude) options.push({ value: u.id, label: u.full_name, meta: u.username });
  if (p.value && !options.some((o) => o.value === p.value))
    options.push({ value: p.value, label: p.currentLabel ?? p.value });
  return (
    <SearchPicker
      label={p.label}
      value={p.value || (p.allowNone ? NONE : '')}
      options={options}
      onChange={(v) => p.onChange(v === NONE ? '' : v)}
      testid={p.testid}
      error={p.error}
    />
  );
}
