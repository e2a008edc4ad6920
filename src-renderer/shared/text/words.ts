/** Small text helpers every view shows values with. */

/** Messages from the core may or may not end with a full stop; shown as sentences, they all do. */
export function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** A file's size as the analyst reads it: "51.0 MB", or whole KB (at least 1) below a megabyte. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
