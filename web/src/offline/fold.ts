// Text folded for search in any script: lower case, compatibility-decomposed (NFKD) and without
// combining marks, so "Ḥasan" finds "hasan", Arabic-script names match with or without their
// vowel marks (harakat), and Ukrainian "Ї" finds "ї"/"і" typed either way.
export function fold(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

// A test for folded texts holding every word of the query (in any order); the query is folded
// once, not once per text (a search over 2,000 households on a slow phone).
export function matcher(query: string): (folded: string) => boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return (folded) => words.every((w) => folded.includes(w));
}

// True when the folded text holds every word of the query (in any order).
export function matches(folded: string, query: string): boolean {
  return matcher(query)(folded);
}
