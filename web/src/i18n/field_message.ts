// A field's problem in the user's language: the server sends each field error as a code of its
// catalogue with parameters (contract: docs/api.md "Errors", `field_codes`) beside the English
// text (`fields`). The words come from the language's table ('ferr.<code>', field_errors/);
// a code this build does not know (an older or newer server) falls back to the English text.
import type { FieldCode } from '../api';
import { hasKey, t } from './index';
import { formatNumber } from './format';

// The parts of an error body (ApiError, or the outbox's stored copy) that carry field errors.
export interface FieldErrorSource {
  fields?: Record<string, string>;
  field_codes?: Record<string, FieldCode>;
  fieldCodes?: Record<string, FieldCode>;
}

// "people[0].wg.cognition" -> ["people", "wg", "cognition"] (indexes dropped).
function segments(path: string): string[] {
  return path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((s) => s !== '');
}

// Params that name a kind of thing or an action by a code (no_such_in_scope's `what`): words of
// their own ('fwhat.<code>', 'faction.<code>'), else the code with spaces, as English shows it.
const WORDS: Record<string, string> = { what: 'fwhat.', action: 'faction.' };
// Params that name another field (goes_with's `field`): its name in plain letters.
const FIELD_NAMES = ['field', 'first', 'second', 'path'];
// Params that are amounts, never codes (a wg answer's range is 1 to 4, not "No difficulty").
const AMOUNTS = ['min', 'max', 'current', 'total', 'counted', 'named', 'highest', 'level'];
// Params whose codes belong to a list named otherwise.
const LISTS: Record<string, string> = {
  composition: 'sex_composition',
  from: 'status',
  to: 'status',
};

// Where the app keeps the labels of lists: enum.sex.f, then the features' (tr.priority.high).
const LABEL_PREFIXES = ['enum.', '', 'tr.', 'act.', 'fb.', 'rep.', 'inst.', 'cfg.'];

// A parameter that is a code of a list the app translates (a sex, a status, a role, an answer
// of the Washington Group set): its label, looked up by the field's name and its parent's
// (sex -> enum.sex.f; wg.cognition -> enum.wg.2; priority -> tr.priority.high), then by the
// param's own name. A number is written with the language's digits; anything else (a date, a
// name) is shown as it is.
function valueLabel(value: string, path: string, param: string): string {
  const plain = value.replace(/_/g, ' ');
  if (WORDS[param]) {
    const key = WORDS[param] + value;
    return hasKey(key) ? t(key) : plain;
  }
  if (FIELD_NAMES.includes(param)) return plain;
  if (AMOUNTS.includes(param)) return digits(value);
  const segs = segments(path);
  const names = [segs[segs.length - 1], segs[segs.length - 2], LISTS[param] ?? param];
  for (const n of names.filter(Boolean)) {
    for (const prefix of LABEL_PREFIXES) {
      const key = `${prefix}${n}.${value}`;
      if (hasKey(key)) return t(key);
    }
  }
  const role = 'role.' + value;
  if (names.some((n) => n?.includes('role')) && hasKey(role)) return t(role);
  return digits(value);
}

// A number in the language's digits (Pashto's come from the locale); anything else as it is.
function digits(value: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
  return formatNumber(Number(value), {
    useGrouping: false,
    maximumFractionDigits: 6,
  });
}

function paramText(value: string | string[], path: string, param: string): string {
  if (Array.isArray(value))
    return value.map((v) => valueLabel(v, path, param)).join(t('common.listSep'));
  return valueLabel(value, path, param);
}

// The message for the field at `path`: translated from its code when this build knows the code,
// else the server's English words.
export function fieldMessage(path: string, fc: FieldCode | undefined, english?: string): string {
  const key = fc ? 'ferr.' + fc.code : '';
  if (fc && hasKey(key)) {
    const vars: Record<string, string> = {};
    for (const [name, v] of Object.entries(fc.params ?? {})) vars[name] = paramText(v, path, name);
    return t(key, vars);
  }
  return english ?? fc?.code ?? '';
}

// Every field error of an error body, path -> message in the user's language.
export function fieldMessages(src: FieldErrorSource | null | undefined): Record<string, string> {
  if (!src) return {};
  const codes = src.fieldCodes ?? src.field_codes ?? {};
  const out: Record<string, string> = {};
  for (const path of new Set([...Object.keys(src.fields ?? {}), ...Object.keys(codes)]))
    out[path] = fieldMessage(path, codes[path], src.fields?.[path]);
  return out;
}
