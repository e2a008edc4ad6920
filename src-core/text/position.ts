/**
 * Where an item was read in its report, as the analyst reads it: "page 4, line 19", or "line 43"
 * in unpaginated text. The grids' Source column and their exports say it the same way.
 */
export function positionText(page: number | null, line: number): string {
  return page === null ? `line ${line}` : `page ${page}, line ${line}`;
}

/** The same place as one number that sorts page by page, then line by line (a page of 10⁶ lines is beyond any report). */
export function positionOrder(page: number | null, line: number): number {
  return (page ?? 0) * 1_000_000 + line;
}
