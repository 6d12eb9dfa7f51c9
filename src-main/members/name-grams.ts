// Trigram full-text search cannot match a query shorter than three characters, yet a teller
// often types one or two (`王`, `三丰`, `Li`). Every distinct one- and two-character substring of a
// name is therefore indexed as a token of members_grams, so those queries are index lookups too.
// The index folds case itself; folding here only drops duplicates.

export function nameGrams(name: string): string[] {
  const chars = [...name.toLowerCase()];
  const grams = new Set<string>();
  for (let i = 0; i < chars.length; i += 1) {
    grams.add(chars[i]!);
    if (i + 1 < chars.length) grams.add(chars[i]! + chars[i + 1]!);
  }
  // A search query is trimmed, so a one- or two-character query never holds white space.
  return [...grams].filter((gram) => !/\s/u.test(gram));
}
