// Registry configuration (GET /registry/config, read once and shared), the labels of configured
// options and of the fixed enumerations, and small helpers the registry screens share.
import { useEffect } from 'preact/hooks';
import { getKept } from './offline/kept';
import { hasKey, langStore, t } from './i18n';
import { showError } from './messages';
import { sessionConfig } from './session';
import { createStore, useStore } from './store';
import type {
  Checklist,
  InstitutionType,
  PovertyBand,
  RegistryConfig,
  RegistryOption,
} from './types';
import { formatNumber } from './i18n/format';

// A resource read from the server once and shared by every screen that shows it (the registry
// configuration, the course catalogue, the indicator library, the programme settings, the report
// templates): `use()` reads it on first need (not while `wanted` is false), `load(true)` again
// after a change; `store` holds it.
export function sharedResource<T>(read: () => Promise<T>) {
  const store = createStore<T | null>(null);
  let loading: Promise<void> | null = null;
  function load(force = false): Promise<void> {
    if (loading && !force) return loading;
    loading = read()
      .then((v) => store.set(v))
      .catch((e) => {
        loading = null;
        showError(e);
      });
    return loading;
  }
  function use(wanted = true): T | null {
    const value = useStore(store);
    useEffect(() => {
      if (wanted && !value) load();
    }, [wanted]);
    return value;
  }
  return { store, load, use };
}

// Kept on the device too (offline/kept.ts): the field forms need it without a connection.
const config = sharedResource(() => getKept<RegistryConfig>('/registry/config'));
export const useConfig = (): RegistryConfig | null => config.use();

// A configured option's label: the deployment's local name when the app is not in English, then
// this build's translation of a default code, then the configured (English) name.
export function optionLabel(
  kind: 'type' | 'band' | 'role' | 'flag',
  o: RegistryOption | undefined,
  code: string,
): string {
  const lang = langStore.get();
  if (o && lang !== 'en' && o.name_local) return o.name_local;
  const key = `cfg.${kind}.${code}`;
  if (lang !== 'en' && hasKey(key)) return t(key);
  if (o) return o.name;
  return hasKey(key) ? t(key) : code;
}

export function typeOf(config: RegistryConfig | null, code: string): InstitutionType | undefined {
  return config?.institution_types.find((x) => x.code === code);
}

export function typeLabel(config: RegistryConfig | null, code: string): string {
  return optionLabel('type', typeOf(config, code), code);
}

// The band set in force today (the latest effective_from not after today).
export function currentBands(config: RegistryConfig | null): PovertyBand[] {
  if (!config || config.poverty_band_sets.length === 0) return [];
  const today = todayIso();
  const sets = [...config.poverty_band_sets].sort((a, b) =>
    a.effective_from.localeCompare(b.effective_from),
  );
  const inForce = sets.filter((s) => s.effective_from <= today);
  return (inForce.length ? inForce[inForce.length - 1] : sets[0]).bands;
}

export function bandLabel(config: RegistryConfig | null, code: string | null): string {
  if (!code) return t('hh.noBand');
  let band: PovertyBand | undefined;
  for (const s of config?.poverty_band_sets ?? [])
    band = band ?? s.bands.find((b) => b.code === code);
  return optionLabel('band', band, code);
}

export function roleOptionLabel(config: RegistryConfig | null, code: string): string {
  return optionLabel(
    'role',
    config?.member_roles.find((x) => x.code === code),
    code,
  );
}

export function flagLabel(config: RegistryConfig | null, code: string): string {
  return optionLabel(
    'flag',
    config?.vulnerability_flags.find((x) => x.code === code),
    code,
  );
}

export function checklistsFor(config: RegistryConfig | null, type: string): Checklist[] {
  return (config?.checklists ?? []).filter((c) => c.institution_types.includes(type));
}

// Fixed enumerations of the API, each value translated (enum.<kind>.<value>).
export const ENUMS = {
  status: ['forming', 'active', 'dormant', 'dissolved', 'merged'],
  sex_composition: ['women', 'men', 'mixed'],
  meeting_frequency: ['weekly', 'fortnightly', 'monthly', 'quarterly', 'irregular'],
  registration_status: ['unregistered', 'applied', 'registered'],
  bank_status: ['none', 'applied', 'opened'],
  relation: [
    'head',
    'spouse',
    'son',
    'daughter',
    'parent',
    'sibling',
    'grandchild',
    'other_relative',
    'non_relative',
  ],
  displacement: ['host', 'idp', 'returnee', 'refugee'],
  wg: ['1', '2', '3', '4'],
} as const;
// Sexes and age bands are the server's configuration, sent with the session.
export type EnumKind = keyof typeof ENUMS | 'sex';

export function enumValues(kind: EnumKind): readonly string[] {
  return kind === 'sex' ? sessionConfig().sexes : ENUMS[kind];
}

export function enumLabel(kind: EnumKind | 'age_band', value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const key = `enum.${kind}.${value}`;
  return hasKey(key) ? t(key) : value;
}

export function enumOptions(kind: EnumKind, empty?: string): { value: string; label: string }[] {
  const opts = enumValues(kind).map((v) => ({ value: v, label: enumLabel(kind, v) }));
  return empty === undefined ? opts : [{ value: '', label: empty }, ...opts];
}

export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// Numbers and percentages in the reader's language (Pashto digits come from the locale).
export function num(n: number, digits = 0): string {
  return formatNumber(n, {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });
}

export function pct(part: number, whole: number): string {
  if (whole <= 0) return '–';
  return formatNumber(part / whole, {
    style: 'percent',
    maximumFractionDigits: 0,
  });
}

// Text fields: trimmed, and an empty one sent as null (clears it) or left out (create).
export function orNull(s: string): string | null {
  const v = s.trim();
  return v ? v : null;
}
