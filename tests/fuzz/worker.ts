// One fuzz shard in a process of its own, so the runner's watchdog can kill it if a case hangs in
// synchronous code. Protocol on stdout: "START <how>" and "END <ms>" per case, then "STATS <json>".
import { writeSync } from 'node:fs';
import { fuzzTarget } from './fuzz';
import { TARGETS } from './targets';

const [index, runs, seed, budgetMs] = process.argv.slice(2).map(Number);
const target = await TARGETS[index ?? 0]?.();
if (!target) throw new Error(`no fuzz target ${index}`);
const say = (line: string) => writeSync(1, `${line.replace(/\n/g, ' ')}\n`);
const stats = await fuzzTarget(target, {
  runs: runs ?? 100,
  seed: seed ?? 1,
  budgetMs: budgetMs || undefined,
  onCase: (event, input, ms) => say(event === 'start' ? `START ${input.how.slice(0, 300)}` : `END ${ms?.toFixed(1)}`),
});
say(`STATS ${JSON.stringify(stats)}`);
