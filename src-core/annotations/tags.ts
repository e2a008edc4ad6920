/**
 * Tags as typed ("knife crime, custody"): trimmed, without blanks, and each once whatever its
 * case, in the order given. Tags already on the item count as given first, so a tag is never
 * added twice in two spellings.
 */
export function parseTags(text: string, already: readonly string[] = []): string[] {
  const seen = new Set(already.map((t) => t.toLowerCase()));
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}
