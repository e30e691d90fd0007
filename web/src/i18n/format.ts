// The one place numbers and dates become text: Intl in the language's locale (Dari as fa-AF),
// written in the digits the user picked (Latin, Eastern Arabic, Persian, Devanagari) or the
// language's own. Screens call these, never toLocaleString, so a digit choice reaches them all.
import { intlLocale, langStore, type Lang } from './index';

export function formatNumber(
  n: number,
  options?: Intl.NumberFormatOptions,
  lang: Lang = langStore.get(),
): string {
  return n.toLocaleString(intlLocale(lang), options);
}

// Always in the Gregorian calendar, as the dates are stored: Dari (fa-AF) and Pashto default to
// the Solar Hijri calendar in ICU, which would name October 2026 "Mizan 1405".
export function formatDate(
  d: Date,
  options: Intl.DateTimeFormatOptions,
  lang: Lang = langStore.get(),
): string {
  return d.toLocaleString(intlLocale(lang), { calendar: 'gregory', ...options });
}

export function relativeTimeFormat(lang: Lang = langStore.get()): Intl.RelativeTimeFormat {
  return new Intl.RelativeTimeFormat(intlLocale(lang), { numeric: 'auto' });
}
