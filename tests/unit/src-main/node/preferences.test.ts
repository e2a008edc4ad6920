import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Preferences } from '../../../../src-main/node/preferences';

describe('the author recorded on edits', () => {
  const folder = () => mkdtempSync(path.join(tmpdir(), 'peel-prefs-'));

  it("is the operating system's user name until a name is set", async () => {
    const dir = folder();
    const prefs = new Preferences(path.join(dir, 'preferences.json'), () => 'jsmith');
    expect(await prefs.author()).toBe('jsmith');
    expect(await prefs.setAuthor('  Jo Smith (HMICFRS) ')).toBe('Jo Smith (HMICFRS)');
    expect(JSON.parse(readFileSync(path.join(dir, 'preferences.json'), 'utf8'))).toEqual({ author: 'Jo Smith (HMICFRS)' });
    expect(await new Preferences(path.join(dir, 'preferences.json'), () => 'jsmith').author()).toBe('Jo Smith (HMICFRS)');
    expect(await prefs.setAuthor('')).toBe('jsmith');
  });

  it('falls back to "Analyst" when there is no user name and survives a damaged file', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'preferences.json'), '{ not json');
    const prefs = new Preferences(path.join(dir, 'preferences.json'), () => {
      throw new Error('no passwd entry');
    });
    expect(await prefs.author()).toBe('Analyst');
    expect(await prefs.setAuthor('Ann')).toBe('Ann');
  });
});
