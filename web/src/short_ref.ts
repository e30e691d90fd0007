// A feedback case's short reference, computed from its id exactly as the server does
// (src/domain/feedback/short_ref.hpp), so a phone shows it on the receipt before the case
// reaches the server: v = (the id's last 12 hex digits) mod 31^8, written as 8 base-31 digits
// over an alphabet without look-alikes (no 0/O, 1/I/L). Shown as "K7QM-4XPD".
//
// Not unique (31^8 ~ 8.5e11 values): among n cases the chance that some two share one is about
// n^2 / (2 * 31^8), ~0.6% for 100,000 cases. A search by reference lists every match.
// Test vectors: short_ref_vectors.json (also read by the server's unit test).

export const SHORT_REF_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 8;
const BASE = SHORT_REF_ALPHABET.length;
const RANGE = BASE ** LENGTH; // 852891037441: exact in a double, as is every 48-bit value

// The reference of `id` (8 characters, no hyphen); '' when `id` is not a 36-character UUID.
export function shortRef(id: string): string {
  if (id.length !== 36) return '';
  const tail = id.slice(24);
  if (!/^[0-9a-fA-F]{12}$/.test(tail)) return '';
  let v = parseInt(tail, 16) % RANGE;
  let out = '';
  for (let i = 0; i < LENGTH; i++) {
    out = SHORT_REF_ALPHABET[v % BASE] + out;
    v = Math.floor(v / BASE);
  }
  return out;
}

// "K7QM4XPD" -> "K7QM-4XPD".
export function displayShortRef(ref: string): string {
  return ref.length === LENGTH ? ref.slice(0, 4) + '-' + ref.slice(4) : ref;
}
