// Money on the books screens: the server counts integer minor units (currency_digits of them to
// a unit); people type and read units ("1250.50"). Parsing is done on the text, never through
// floating point, so 0.1 + 0.2 never becomes 0.30000000000000004 of anything.

// "1250.5" with 2 digits -> 125050; "" -> 0; null when it is not an amount.
export function toMinor(text: string, digits: number): number | null {
  const s = text.trim().replace(',', '.');
  if (s === '') return 0;
  const m = /^(\d{1,12})(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] ?? '').length > digits) return null;
  const frac = (m[2] ?? '').padEnd(digits, '0');
  return Number(m[1]) * 10 ** digits + (digits ? Number(frac) : 0);
}

// 125050 with 2 digits -> "1,250.50" in the language's digits and separators.
export function formatMoney(minor: number, digits: number, lang: string): string {
  return new Intl.NumberFormat(lang, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}
