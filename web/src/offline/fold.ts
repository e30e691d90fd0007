// Text folded for search in any script: lower case, compatibility-decomposed (NFKD) and without
// combining marks, so "Ḥasan" finds "hasan", Arabic-script names match with or without their
// vowel marks (harakat), and Ukrainian "Ї" finds "ї"/"і" typed either way.
export function fold(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

// True when the folded text holds every word of the query (in any order).
export function matches(folded: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return words.every((w) => folded.includes(w));
}
