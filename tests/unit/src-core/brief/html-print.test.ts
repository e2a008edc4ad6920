import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../../src-core/brief/build';
import { renderHtml } from '../../../../src-core/brief/html';
import { annotateDozen, CTX, definition, gwentWorkspace } from './gwent-workspace';

// The HTML pack printed as a browser prints it (Chromium headless, Debian's, as the e2e tests use),
// then read back page by page with pdftotext: the marking must be at the top and the bottom of
// every page, whatever the content does to the page breaks.
const CHROMIUM = '/usr/bin/chromium';
const tools = existsSync(CHROMIUM) && existsSync('/usr/bin/pdftotext');

describe.skipIf(!tools)('the HTML pack, printed', () => {
  it('carries the marking at the top and bottom of every page, with page numbers', async () => {
    const db = await gwentWorkspace();
    annotateDozen(db);
    const pack = await buildPack(db, definition({ caveat: 'not for onward circulation' }), CTX);
    const dir = mkdtempSync(path.join(tmpdir(), 'peel-print-'));
    const html = path.join(dir, 'pack.html');
    const pdf = path.join(dir, 'pack.pdf');
    writeFileSync(html, renderHtml(pack));
    execFileSync(
      CHROMIUM,
      ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`],
      { stdio: 'ignore', timeout: 60_000 },
    );
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(6);
    pages.forEach((page, i) => {
      const lines = page
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      expect(lines[0], `top of page ${i + 1}`).toBe('OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION');
      expect(lines[lines.length - 2], `bottom of page ${i + 1}`).toBe('OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION');
      expect(lines[lines.length - 1]).toBe(`Page ${i + 1} of ${pages.length}`);
    });
    // The table header rows repeat: the metrics table spans pages and each part starts with its header
    // (whose narrow columns wrap "Gwent Police" and "England and Wales" onto a second line).
    expect(pages.filter((p) => /Metric\s+Gwent\s+England\s+Difference\s+Force\s+Check\s+Source/.test(p)).length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
