// Briefing-pack export speed: a 200-finding pack to DOCX (target 1 s) and to PDF (target 3 s) in
// Node, chart drawing included, as the CLI `brief` command does it. bench/run.ts reports these.
import { renderDocxFile, renderPdfFile } from '../src-main/node/brief-render';
import { packWithFindings } from '../tests/helpers/sample-pack';

export interface BriefBenchResult {
  name: string;
  median: number;
  p95: number;
  unit: 'ms';
  target: number;
}

async function time(name: string, target: number, runs: number, fn: () => Promise<unknown>): Promise<BriefBenchResult> {
  await fn(); // warm-up: loading docx/pdfkit and the JIT are start-up costs, not per-pack costs
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(times.length * q) - 1)] ?? 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { name, median: round(at(0.5)), p95: round(at(0.95)), unit: 'ms', target };
}

export async function benchBriefExports(runs = 10): Promise<BriefBenchResult[]> {
  const pack = packWithFindings(200);
  return [
    await time('briefing pack, 200 findings, to DOCX', 1000, runs, () => renderDocxFile(pack)),
    await time('briefing pack, 200 findings, to PDF', 3000, runs, () => renderPdfFile(pack)),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchBriefExports()) console.log(`${r.name}: median ${r.median} ms, p95 ${r.p95} ms (target ${r.target} ms)`);
}
