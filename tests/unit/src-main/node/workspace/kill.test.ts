import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AckLedger, buildKillChild, runChild, type KillPlan } from '../../../../helpers/kill-harness';
import { ROOT } from '../../../../helpers/seed';
import { workspaceCopy } from '../../../../helpers/session';

// `npm test` runs 50 kills on the default workspace; `npm run test:durability` is the full run
// (over a thousand kills on ≈25 MB and ≈300 MB workspaces). PEEL_KILLS changes the count here.
const KILLS = Number(process.env.PEEL_KILLS ?? 50);

beforeAll(async () => {
  await buildKillChild();
  if (!existsSync(path.join(ROOT, 'data/default-workspace.sqlite'))) throw new Error('run `npm run build:workspace` first');
}, 60_000);

let seed = 20171;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor(seed / 65536) % n;
};

describe('the workspace store killed at random instants', () => {
  it(`loses no acknowledged edit, stays intact and leaves no temp files (${KILLS} kills)`, async () => {
    const file = workspaceCopy();
    const ledger = new AckLedger();
    let promised = 0;
    // Opens that matched the seal of the last checkpoint; the child checks their integrity itself.
    let sealedOpens = 0;
    for (let i = 0; i < KILLS; i++) {
      // One kill in ten lands while the store is still opening (clean-up, trim, replay); one in five
      // a few milliseconds after the child starts a checkpoint; the others after a few acknowledged
      // edits (so a busy CI machine still gets edits in) plus a random delay.
      const afterAcks = random(6);
      const plan: KillPlan =
        i % 10 === 9
          ? { delayMs: random(150), fromSpawn: true }
          : i % 5 === 2
            ? { delayMs: random(15), atCheckpoint: true }
            : { delayMs: random(80), afterAcks };
      if (plan.afterAcks !== undefined) promised += afterAcks;
      const run = await runChild(file, i + 1, plan);
      ledger.check(run, `kill ${i + 1}`);
      if (run.opened?.check === 'sealed') sealedOpens++;
      ledger.record(run);
      ledger.tally.kills++;
    }
    const last = await runChild(file, 0, { delayMs: 0, verifyOnly: true });
    ledger.check(last, 'final open');
    const t = ledger.tally;
    console.log(
      `kill test: ${t.kills} kills (${t.duringCheckpoint} during a checkpoint, ${t.duringOpen} while opening), ${t.acknowledged} acknowledged edits, ${t.lost} lost, ${t.corruptOpens} corrupt opens, ${sealedOpens} sealed opens`,
    );
    expect(ledger.problems).toEqual([]);
    expect(last.opened?.values.length).toBeGreaterThanOrEqual(ledger.acked.length);
    expect(t.acknowledged).toBeGreaterThanOrEqual(promised);
    // Each phase was really hit, as the child reported it when it died: a kill inside a checkpoint
    // (between its CHECKPOINT and CHECKPOINTED markers) and one before the open finished.
    expect(t.duringCheckpoint, 'kills during a checkpoint').toBeGreaterThan(0);
    expect(t.duringOpen, 'kills while opening').toBeGreaterThan(0);
  }, 600_000);
});
