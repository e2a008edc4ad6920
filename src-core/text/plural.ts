/** "1 finding", "2 findings", "12,345 findings": a count and its noun, the count grouped as in en-GB. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
