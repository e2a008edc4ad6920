import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEAL_KEY_PATTERN } from '../../../../../src-core/workspace/seal';
import { installationSealKey, readSealKey, SEAL_KEY_FILE } from '../../../../../src-main/node/workspace/seal-key';

const userData = () => path.join(mkdtempSync(path.join(tmpdir(), 'peel-key-')), 'userData');
const keyFile = (dir: string) => path.join(dir, SEAL_KEY_FILE);

describe("the installation's seal key", () => {
  it('is 32 random bytes made on first use, readable by the user alone, and the same ever after', async () => {
    const dir = userData();
    const key = await installationSealKey(dir);
    expect(key).toMatch(SEAL_KEY_PATTERN);
    expect(readFileSync(keyFile(dir))).toEqual(Buffer.from(key, 'hex'));
    if (process.platform !== 'win32') expect(statSync(keyFile(dir)).mode & 0o777).toBe(0o600);
    expect(await installationSealKey(dir)).toBe(key);
    expect(await readSealKey(dir)).toBe(key);
    // Written atomically: no temp file is left beside it.
    expect(readdirSync(dir)).toEqual([SEAL_KEY_FILE]);
    // Another installation (another user data folder) has another key.
    expect(await installationSealKey(userData())).not.toBe(key);
  });

  it('that is malformed is replaced by a new one: only full checks are lost, never the open', async () => {
    for (const content of [Buffer.alloc(0), Buffer.alloc(31, 7), Buffer.alloc(33, 7), Buffer.from('not a key at all')]) {
      const dir = userData();
      mkdirSync(dir, { recursive: true });
      writeFileSync(keyFile(dir), content);
      const key = await installationSealKey(dir);
      expect(key).toMatch(SEAL_KEY_PATTERN);
      expect(readFileSync(keyFile(dir))).toEqual(Buffer.from(key, 'hex'));
    }
  });

  it('that cannot be read or written still gives a key for this run, without an error', async () => {
    // A folder where the key file should be: it can be neither read nor replaced.
    const dir = userData();
    mkdirSync(keyFile(dir), { recursive: true });
    expect(await readSealKey(dir)).toBeNull();
    const key = await installationSealKey(dir);
    expect(key).toMatch(SEAL_KEY_PATTERN);
    // A disk that refuses the write: the key serves from memory.
    const other = userData();
    const unwritten = await installationSealKey(other, async () => {
      throw Object.assign(new Error('EROFS'), { code: 'EROFS' });
    });
    expect(unwritten).toMatch(SEAL_KEY_PATTERN);
    expect(existsSync(keyFile(other))).toBe(false);
  });
});
