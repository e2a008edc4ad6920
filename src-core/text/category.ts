/**
 * A metric's category as the Metrics grid and its export show it: the Force in numbers heading it
 * sits under ("Calls for assistance"), or where it came from when there is none.
 */
export function categoryText(m: { source: 'force-in-numbers' | 'text'; category: string | null }): string {
  if (m.source === 'text') return 'Report text';
  return m.category ?? 'Force in numbers';
}
