import { describe, expect, it } from 'vitest';
import { readReports } from '../../../../../src-main/node/workspace/reports';

/** A file system of named files, each with a size, as the picker's paths lead to them. */
function fakeFs(files: Record<string, number>) {
  return {
    stat: async (p: string) => {
      const size = files[p];
      if (size === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return { isFile: () => true, size };
    },
    readFile: async (p: string) => Buffer.alloc(Math.min(files[p] ?? 0, 16)),
  } as unknown as Parameters<typeof readReports>[1];
}

describe('report files picked in the Electron dialog', () => {
  it('reads every report type the extractor reads, web pages included', async () => {
    const fs = fakeFs({ '/r/gwent.md': 10, '/r/kent.HTML': 10, '/r/essex.htm': 10, '/r/dyfed.txt': 10, '/r/wm.pdf': 10 });
    const r = await readReports(['/r/gwent.md', '/r/kent.HTML', '/r/essex.htm', '/r/dyfed.txt', '/r/wm.pdf'], fs);
    expect(r.ok && r.value.map((f) => f.name)).toEqual(['gwent.md', 'kent.HTML', 'essex.htm', 'dyfed.txt', 'wm.pdf']);
  });

  it('refuses the whole pick for another type or a file over 50 MB, saying which and what to choose', async () => {
    const fs = fakeFs({ '/r/gwent.md': 10, '/r/notes.docx': 10, '/r/scan.pdf': 51 * 1024 * 1024 });
    expect(await readReports(['/r/gwent.md', '/r/notes.docx'], fs)).toEqual({
      ok: false,
      error: {
        code: 'refused',
        message: '"notes.docx" is not a report file: choose Markdown (.md), plain text (.txt), web pages (.html) or PDF (.pdf).',
      },
    });
    const big = await readReports(['/r/scan.pdf'], fs);
    expect(!big.ok && big.error.message).toBe('"scan.pdf" is 51.0 MB; reports over 50 MB are refused. Nothing was imported.');
  });
});
