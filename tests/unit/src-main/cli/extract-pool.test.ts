import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractAll, type Outcome } from '../../../../src-main/cli/extract-pool';
import { ROOT, SEED_FILES } from '../../../helpers/seed';

const file = (rel: string) => path.join(ROOT, rel);

describe('the CLI’s extraction threads', () => {
  it('extract every file, report each as it finishes, and give the outcomes in the order of the files', async () => {
    const files = [file(SEED_FILES.pdf), file('tests/fixtures/random.txt'), file(SEED_FILES.markdown)];
    const seen: number[] = [];
    const out = await extractAll(files, {}, (_o, done) => seen.push(done));
    expect(seen).toEqual([1, 2, 3]);
    expect(out.map((o) => o.file)).toEqual(files);
    expect(out.map((o) => (o.ok ? o.extraction.report.force : o.message.split(':')[0]))).toEqual([
      'Gwent Police',
      'random.txt is not a PEEL inspection report',
      'Gwent Police',
    ]);
    // The bytes stay in the thread: the main thread gets their size and SHA-256.
    const md = out[2] as Extract<Outcome, { ok: true }>;
    expect(md.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(md).not.toHaveProperty('bytes');
  }, 60_000);

  it('stops a file that runs past the time limit, refuses it with the reason, and goes on with a new thread', async () => {
    const files = [file(SEED_FILES.pdf), file(SEED_FILES.markdown)];
    const out = await extractAll(files, {}, () => undefined, 1);
    expect(out.map((o) => !o.ok && o.refused && /took over 0 s to read and was stopped; it may be damaged$/.test(o.message))).toEqual([
      true,
      true,
    ]);
    // The threads it stopped were replaced: the next call on the same pool code runs as before.
    const again = await extractAll([file(SEED_FILES.markdown)], {}, () => undefined);
    expect(again[0]?.ok).toBe(true);
  }, 60_000);

  it('caps each thread’s heap: a file that needs more is refused in one line, and the next file gets a new thread', async () => {
    // A heap of 8 MB, in which no report can be read: the cap is what stops the thread.
    const out = await extractAll([file(SEED_FILES.pdf), file(SEED_FILES.pdf)], {}, () => undefined, 60_000, 8);
    for (const o of out) {
      expect(o.ok).toBe(false);
      expect(!o.ok && o.message).toBe(
        `${file(SEED_FILES.pdf)} needs more than the 8 MB a report may take to read, and was stopped; it is no report's text`,
      );
    }
    // At the real cap the same file is read.
    const read = await extractAll([file(SEED_FILES.pdf)], {}, () => undefined);
    expect(read[0]?.ok).toBe(true);
  }, 120_000);
});
