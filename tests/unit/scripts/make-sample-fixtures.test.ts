import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-node';
import { ROOT } from '../../helpers/seed';

describe('the sample fixtures script', () => {
  it('rebuilds the committed fixtures byte for byte', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'sample-fixtures-'));
    const { code, stderr } = await runNode(path.join(ROOT, 'scripts/make-sample-fixtures.mjs'), ['--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const committed = path.join(ROOT, 'tests/fixtures/samples');
    expect(readdirSync(out).sort()).toEqual(['bad.csv', 'bom-utf16.csv', 'bomb.xlsx', 'good.csv', 'good.xlsx', 'renamed-headers.csv']);
    for (const name of readdirSync(out)) {
      expect(readFileSync(path.join(out, name)).equals(readFileSync(path.join(committed, name))), name).toBe(true);
    }
  });
});
