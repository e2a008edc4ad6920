import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forget, MAX_RECENT, parseRecent, RecentFile, remember } from '../../../../../src-main/node/workspace/recent';

describe('the recent workspaces list', () => {
  it('tolerates a damaged, foreign or hand-edited recent.json by starting afresh', () => {
    for (const text of ['', '{', 'null', '[]', '{"version":2,"last":null,"files":[]}', '{"version":1,"files":"x"}']) {
      expect(parseRecent(text), text).toEqual({ last: null, files: [] });
    }
  });

  it('drops relative paths and duplicates, and keeps at most ten', () => {
    const files = ['/a.sqlite', 'rel.sqlite', '/a.sqlite', ...Array.from({ length: 12 }, (_, i) => `/w${i}.sqlite`)];
    const state = parseRecent(JSON.stringify({ version: 1, last: 'rel.sqlite', files }));
    expect(state.last).toBeNull();
    expect(state.files[0]).toBe('/a.sqlite');
    expect(state.files).toHaveLength(MAX_RECENT);
    expect(state.files).not.toContain('rel.sqlite');
  });

  it('puts the latest at the top; only an opened workspace becomes the one reopened on start', () => {
    let s = remember({ last: null, files: [] }, '/a.sqlite', true);
    s = remember(s, '/b.sqlite', false);
    expect(s).toEqual({ last: '/a.sqlite', files: ['/b.sqlite', '/a.sqlite'] });
    s = remember(s, '/a.sqlite', true);
    expect(s.files).toEqual(['/a.sqlite', '/b.sqlite']);
    expect(forget(s, '/a.sqlite')).toEqual({ last: null, files: ['/b.sqlite'] });
  });

  it('writes recent.json atomically, one change at a time, leaving no temp files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'peel-recent-'));
    const file = new RecentFile(path.join(dir, 'recent.json'));
    writeFileSync(file.file, 'garbage');
    await Promise.all(Array.from({ length: 5 }, (_, i) => file.update((s) => remember(s, `/w${i}.sqlite`, true))));
    expect((await file.load()).files).toEqual(['/w4.sqlite', '/w3.sqlite', '/w2.sqlite', '/w1.sqlite', '/w0.sqlite']);
    expect(JSON.parse(readFileSync(file.file, 'utf8'))).toMatchObject({ version: 1, last: '/w4.sqlite' });
    expect(readdirSync(dir)).toEqual(['recent.json']);
    rmSync(dir, { recursive: true, force: true });
  });
});
