// What showing invisible characters costs (src-core/text/visible.ts) and what refusing control
// bytes costs (src-core/extract/decode.ts), at the sizes the app accepts:
//   npx tsx bench/visible-text.ts
// Prints one line per measurement (median of 5 runs, after a warm-up); nothing is asserted.
import { decodeInput } from '../src-core/extract/decode';
import { visible, visibleDeep } from '../src-core/text/visible';

function median(runs: number[]): number {
  const s = [...runs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(label: string, fn: () => unknown, extra = ''): void {
  fn();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    fn();
    runs.push(performance.now() - t);
  }
  console.log(`${label.padEnd(72)} ${median(runs).toFixed(1).padStart(8)} ms${extra ? `  ${extra}` : ''}`);
}

const words = 'The force needs to improve its response to county lines and the exploitation of vulnerable people'.split(' ');
const sentence = (i: number, n: number) => Array.from({ length: n }, (_, k) => words[(i + k) % words.length]).join(' ');

// A grid of 300,000 rows × 1 text column, as a CSV export walks it.
const cells = Array.from({ length: 300_000 }, (_, i) => sentence(i, 12));
time('visible() on 300,000 grid cells, none to show (fast path)', () => {
  let n = 0;
  for (const c of cells) n += visible(c).length;
  return n;
});
const dirty = cells.map((c, i) => (i % 100 === 0 ? `${c}\u202e` : c));
time('visible() on 300,000 grid cells, 1 in 100 with a U+202E', () => {
  let n = 0;
  for (const c of dirty) n += visible(c).length;
  return n;
});

// A pack's findings section at the largest size packs are written for (50,000 findings).
const findings = Array.from({ length: 50_000 }, (_, i) => ({
  id: i + 1,
  report: 'Gwent Police 2017',
  section: 'Tackling serious and organised crime',
  subsection: null,
  paragraph: i % 40,
  kind: 'concern',
  text: sentence(i, 80),
  note: i % 3 === 0 ? sentence(i, 20) : '',
  tags: ['county lines', 'SOC'],
  rag: 'red' as const,
  source: `S${i + 1}`,
}));
const pack = { findings: [{ report: 'Gwent Police 2017', section: 'SOC', findings }] };
let same = false;
time(
  'visibleDeep() over a pack of 50,000 findings, none to show',
  () => {
    same = visibleDeep(pack) === pack;
  },
  '',
);
console.log(`${''.padEnd(72)} (returned the same object: ${same})`);
const dirtyPack = {
  findings: [{ ...pack.findings[0], findings: findings.map((f, i) => (i % 100 === 0 ? { ...f, note: `${f.note}\u2066` } : f)) }],
};
time('visibleDeep() over a pack of 50,000 findings, 1 in 100 notes with a U+2066', () => visibleDeep(dirtyPack));

// A 50 MB report of plain words (the largest accepted): the control-byte scan is one pass.
const line = `${sentence(0, 14)}\n`;
const report = new TextEncoder().encode(
  `# PEEL: Police effectiveness 2017\n\n${line.repeat(Math.floor((50 * 1024 * 1024 - 64) / line.length))}`,
);
time(`decodeInput() of a ${(report.length / 1024 / 1024).toFixed(1)} MB report (scan, UTF-8 decode, line ends)`, () =>
  decodeInput('big.md', report),
);
const late = report.slice();
late[late.length - 10] = 0x1b;
time('decodeInput() of the same report with an ESC 10 bytes from its end (refused)', () => {
  try {
    decodeInput('big.md', late);
  } catch (e) {
    return e;
  }
  throw new Error('accepted');
});
