// The app's own small i18n: one dictionary per language, typed keys, plural forms through
// Intl.PluralRules, and <html lang dir> kept in step with the choice.
//
// Only the current language's strings are downloaded: the shell's table (./<lang>.ts) and each
// feature's (features/<name>/strings/<lang>.ts) are chunks of their own, fetched on first use
// in the language in use. Every table holds every key (the compiler checks each against the
// English one), so no other language is needed as a fallback. Call whenStringsReady() before
// the first render, and await chooseLang() before showing a language.
import { createStore, useStore } from '../store';
import type { MessageKey as ShellKey } from './en';
import type { FieldKey } from '../features/fieldwork/strings/en';
import type { RegistryKey } from '../features/registry/strings/en';
import type { ReportsKey } from '../features/reports/strings/en';
import type { TrainingKey } from '../features/trainings/strings/en';
import type { CollectKey } from '../features/collect/strings/en';
import type { BooksKey } from '../features/books/strings/en';
import type { TeamKey } from '../features/team/strings/en';
import type { SupervisionKey } from '../features/supervision/strings/en';
import type { CommunityKey } from '../features/community/strings/en';
import type { Plural } from './types';

// The shell's keys, plus those of the registry, field (activities, feedback), training, reports
// and Collect screens, whose dictionaries are fetched with them.
export type MessageKey =
  | ShellKey
  | RegistryKey
  | FieldKey
  | TrainingKey
  | ReportsKey
  | CollectKey
  | BooksKey
  | TeamKey
  | SupervisionKey
  | CommunityKey;
export type Lang = 'en' | 'ps' | 'uk' | 'mr' | 'prs' | 'ur';

// Each language named in its own script; `intl` is the locale Intl formats it with (Dari is
// Afghan Persian: fa-AF, not Iranian fa-IR).
export const LANGUAGES: { code: Lang; name: string; dir: 'ltr' | 'rtl'; intl: string }[] = [
  { code: 'en', name: 'English', dir: 'ltr', intl: 'en' },
  { code: 'ps', name: 'پښتو', dir: 'rtl', intl: 'ps' },
  { code: 'uk', name: 'Українська', dir: 'ltr', intl: 'uk' },
  { code: 'mr', name: 'मराठी', dir: 'ltr', intl: 'mr' },
  { code: 'prs', name: 'دری', dir: 'rtl', intl: 'fa-AF' },
  { code: 'ur', name: 'اردو', dir: 'rtl', intl: 'ur' },
];

const DICTIONARIES = Object.fromEntries(LANGUAGES.map((l) => [l.code, {}])) as Record<
  Lang,
  Partial<Record<MessageKey, string | Plural>>
>;
const STORAGE_KEY = 'mobilise.lang';

// A language's name in its own script ("मराठी"), for labels such as "Name in {language}".
export function languageName(code: Lang): string {
  return LANGUAGES.find((l) => l.code === code)?.name ?? code;
}

export function isLang(value: unknown): value is Lang {
  return LANGUAGES.some((l) => l.code === value);
}

// The digits numbers are written in: the language's own default, or one the user picks
// (Intl numbering systems). Kept with the language in the account's locale as a BCP 47
// extension ("mr-u-nu-latn"), so it follows the user from device to device.
export type Digits = 'auto' | 'latn' | 'arab' | 'arabext' | 'deva';
export const DIGIT_STYLES: Digits[] = ['auto', 'latn', 'arab', 'arabext', 'deva'];
const DIGITS_KEY = 'mobilise.digits';

export function isDigits(value: unknown): value is Digits {
  return DIGIT_STYLES.includes(value as Digits);
}

function storedDigits(): Digits {
  try {
    const v = localStorage.getItem(DIGITS_KEY);
    return isDigits(v) ? v : 'auto';
  } catch {
    return 'auto';
  }
}

export const digitsStore = createStore<Digits>(storedDigits());

// The Intl locale for `lang` written with the chosen digits.
export function intlLocale(lang: Lang, digits: Digits = digitsStore.get()): string {
  const base = LANGUAGES.find((l) => l.code === lang)?.intl ?? 'en';
  return digits === 'auto' ? base : `${base}-u-nu-${digits}`;
}

// The account's locale for a language and digit style, and back.
export function accountLocale(lang: Lang, digits: Digits = digitsStore.get()): string {
  return digits === 'auto' ? lang : `${lang}-u-nu-${digits}`;
}

export function parseAccountLocale(locale: string | undefined): { lang?: Lang; digits: Digits } {
  const m = /^([a-z]{2,3})(?:-u-nu-([a-z]+))?$/.exec((locale ?? '').toLowerCase());
  const lang = m && isLang(m[1]) ? m[1] : undefined;
  return { lang, digits: m && isDigits(m[2]) ? m[2] : 'auto' };
}

function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

export const langStore = createStore<Lang>(storedLang() ?? 'en');

function applyToDocument(lang: Lang): void {
  const info = LANGUAGES.find((l) => l.code === lang) ?? LANGUAGES[0];
  document.documentElement.lang = info.code;
  document.documentElement.dir = info.dir;
}

function remember(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

// Told of each choice the user makes (session.ts saves it to the signed-in account).
let choiceListener: ((lang: Lang) => void) | null = null;
export function onLangChosen(listener: ((lang: Lang) => void) | null): void {
  choiceListener = listener;
}

// Switches to `lang` once its strings are here (the screen never shows half a language).
async function switchTo(lang: Lang): Promise<void> {
  await loadLang(lang);
  langStore.set(lang);
}

// The user's explicit choice: remembered on this device and, when signed in, on the account.
export async function chooseLang(lang: Lang): Promise<void> {
  remember(lang);
  await switchTo(lang);
  choiceListener?.(lang);
}

// After sign-in: the account's language wins (it follows the user from device to device) and
// becomes this device's choice for the sign-in page. An account language the app does not
// speak leaves the current one.
export async function adoptUserLocale(locale: string | undefined): Promise<void> {
  const { lang, digits } = parseAccountLocale(locale);
  if (!lang) return;
  remember(lang);
  rememberDigits(digits);
  await switchTo(lang);
}

function rememberDigits(digits: Digits): void {
  try {
    localStorage.setItem(DIGITS_KEY, digits);
  } catch {
    // private mode: the choice lasts for this page only
  }
  digitsStore.set(digits);
}

// The user's digit style: on this device at once and, when signed in, on the account.
export function chooseDigits(digits: Digits): void {
  rememberDigits(digits);
  choiceListener?.(langStore.get());
}

langStore.subscribe(applyToDocument);
applyToDocument(langStore.get());

type Vars = Record<string, string | number>;

function fill(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

function lookup(lang: Lang, key: MessageKey): string | Plural {
  return DICTIONARIES[lang][key] ?? key;
}

// A feature's messages (features/<name>/strings): English (the fallback) and the current
// language, fetched on first use and again for each language chosen afterwards.
// `messagesRevision` re-renders.
type Dictionary = Partial<Record<MessageKey, string | Plural>>;
export interface StringBundle {
  name: string;
  load: Record<Lang, () => Promise<{ default: Dictionary }>>;
}
const loaded = new Map<string, Promise<void>>();

// A bundle's table per language, from `import.meta.glob('./{??,???}.ts')` in its strings folder
// (the files named by a language code): a language is wired by adding its file, and
// tests/api/translations.test.mjs checks that every folder has one per language.
export function stringLoaders(
  files: Record<string, () => Promise<unknown>>,
): Record<Lang, () => Promise<{ default: Dictionary }>> {
  const pick = (code: Lang) => {
    const load = files[`./${code}.ts`] as (() => Promise<{ default: Dictionary }>) | undefined;
    return load ?? (() => Promise.reject(new Error(`no ${code} strings`)));
  };
  return Object.fromEntries(LANGUAGES.map((l) => [l.code, pick(l.code)])) as Record<
    Lang,
    () => Promise<{ default: Dictionary }>
  >;
}

const shellStrings: StringBundle = {
  name: 'shell',
  load: stringLoaders(import.meta.glob('./{??,???}.ts')),
};
const wanted = new Set<StringBundle>([shellStrings]);
export const messagesRevision = createStore(0);

function loadBundleLang(bundle: StringBundle, lang: Lang): Promise<void> {
  const key = bundle.name + ':' + lang;
  let p = loaded.get(key);
  if (!p) {
    p = bundle.load[lang]().then((m) => {
      Object.assign(DICTIONARIES[lang], m.default);
      messagesRevision.set(messagesRevision.get() + 1);
    });
    p.catch(() => loaded.delete(key));
    loaded.set(key, p);
  }
  return p;
}

// Every table wanted so far (the shell's and the features' opened) in `lang`.
function loadLang(lang: Lang): Promise<void> {
  return Promise.all([...wanted].map((b) => loadBundleLang(b, lang))).then(() => undefined);
}

export function loadMessages(...bundles: StringBundle[]): Promise<void> {
  const lang = langStore.get();
  return Promise.all(
    bundles.map((b) => {
      wanted.add(b);
      return loadBundleLang(b, lang);
    }),
  ).then(() => undefined);
}

// The shell's strings in the language the app starts in (this device's last choice).
export function whenStringsReady(): Promise<void> {
  return loadLang(langStore.get());
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const msg = lookup(lang, key);
  if (typeof msg === 'string') return fill(msg, vars);
  const n = typeof vars?.n === 'number' ? vars.n : 0;
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(intlLocale(lang, 'auto'));
    pluralRules.set(lang, rules);
  }
  const form = msg[rules.select(n)] ?? msg.other;
  return fill(form, { ...vars, n: n.toLocaleString(intlLocale(lang)) });
}

// For code outside components (alerts, titles): uses the current language.
export function t(key: MessageKey, vars?: Vars): string {
  return translate(langStore.get(), key, vars);
}

// In components: re-renders when the language changes.
export function useI18n(): { lang: Lang; t: (key: MessageKey, vars?: Vars) => string } {
  const lang = useStore(langStore);
  useStore(messagesRevision);
  useStore(digitsStore);
  return { lang, t: (key, vars) => translate(lang, key, vars) };
}

// Keys built from server codes (roles, entities, actions) that may be unknown to this build.
export function hasKey(key: string): key is MessageKey {
  return key in DICTIONARIES[langStore.get()];
}
