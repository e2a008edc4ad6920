// Shared by the benchmark scripts: timing, percentiles, one result row, and the printed table.

export interface Result {
  name: string;
  /** The median (or the single value of a one-off measurement). */
  value: number;
  unit: string;
  /** The target the p95 (or the single value) is held to; null when only reported. */
  target: number | null;
  holds: boolean | null;
  p95: number;
  runs: number;
  /** The same operation on better-sqlite3 (native SQLite), median ms. */
  nativeMs?: number;
  /** sql.js median / native median. */
  ratio?: number;
  note?: string;
}

export const round = (n: number, places = 1): number => {
  const f = 10 ** places;
  return Math.round(n * f) / f;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] ?? 0;
}

export interface Timing {
  median: number;
  p95: number;
  p99: number;
  runs: number;
}

/** Times fn `runs` times after three warm-up runs (module loading and JIT are start-up costs). */
export async function time(runs: number, fn: (i: number) => unknown): Promise<Timing> {
  // Warm-up calls, not counted (negative indices): the first calls of a query run cold code in
  // the JIT and in sql.js's wasm, which made the sub-millisecond rows swing run to run.
  for (let w = -3; w < 0; w++) await fn(w);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99), runs };
}

export function result(name: string, t: Timing, target: number | null, unit = 'ms', extra: Partial<Result> = {}): Result {
  const holds = target === null ? null : t.p95 <= target && (extra.ratio === undefined || extra.ratio <= 2.5);
  return { name, value: round(t.median, 2), unit, target, holds, p95: round(t.p95, 2), runs: t.runs, ...extra };
}

export function single(name: string, value: number, unit: string, target: number | null, extra: Partial<Result> = {}): Result {
  return {
    name,
    value: round(value, 2),
    unit,
    target,
    holds: target === null ? null : value <= target,
    p95: round(value, 2),
    runs: 1,
    ...extra,
  };
}

/** Peak resident set size of this process so far (Linux VmHWM), in MB; falls back to the current RSS. */
export async function peakRssMb(): Promise<number> {
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile('/proc/self/status', 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux
  }
  return process.memoryUsage().rss / 1048576;
}

export function table(results: Result[]): string {
  const rows = results.map((r) => [
    r.name,
    `${r.value} ${r.unit}`,
    r.runs > 1 ? `${r.p95} ${r.unit}` : '',
    r.target === null ? '—' : `≤ ${r.target} ${r.unit}`,
    r.holds === null ? '' : r.holds ? 'holds' : 'MISSED',
    r.nativeMs === undefined ? '' : `${r.nativeMs} ms`,
    r.ratio === undefined ? '' : `${r.ratio}×`,
    String(r.runs),
  ]);
  const head = ['operation', 'median', 'p95', 'target', '', 'native', 'ratio', 'runs'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

/** The same table as Markdown, for docs/PERFORMANCE.md. */
export function markdown(results: Result[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '| operation | median | p95 | target | holds | native (better-sqlite3) | ratio | runs |',
    '| --- | ---: | ---: | ---: | :---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    lines.push(
      `| ${esc(r.name)} | ${r.value} ${r.unit} | ${r.runs > 1 ? `${r.p95} ${r.unit}` : ''} | ${r.target === null ? '—' : `≤ ${r.target} ${r.unit}`} | ${
        r.holds === null ? '' : r.holds ? 'yes' : '**no**'
      } | ${r.nativeMs === undefined ? '' : `${r.nativeMs} ms`} | ${r.ratio === undefined ? '' : `${r.ratio}×`} | ${r.runs} |`,
    );
  }
  return lines.join('\n');
}
