import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../../helpers/run-node';
import { readFixture, ROOT, SEED_FILES } from '../../../helpers/seed';
import { jsonText, printed } from '../../../../src-main/cli/format';

/**
 * What the command line prints cannot mislead either: a file name or report text with a
 * right-to-left override or an isolate is printed with the code point shown, never raw (a
 * terminal would reorder the line), and a report with a control byte anywhere is refused with
 * its line and column.
 */

const BIN = path.join(ROOT, 'bin/peel-workbench.mjs');
const cli = (...args: string[]) => runNode(BIN, args);
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

const dir = mkdtempSync(path.join(tmpdir(), 'peel-visible-cli-'));
const seed = new TextDecoder().decode(readFixture(SEED_FILES.markdown));
/** The seed report saved under a name with a right-to-left override, with an isolate in one paragraph. */
const bidiReport = path.join(dir, 'gwent\u202edm.exe.md');
writeFileSync(bidiReport, seed.replace('vulnerability', 'vulner\u2066ability\u2069'));

describe('printed and jsonText', () => {
  it('printed shows the characters and ends the line; jsonText escapes them so the data parses back unchanged', () => {
    expect(printed('a\u202eb\u001b[2J')).toBe('a⟨U+202E⟩b⟨U+001B⟩[2J\n');
    const value = { text: 'x\u202ey\u2066z\u0085\u007f\u{E0041}' };
    const json = jsonText(value);
    expect(json).not.toMatch(RAW);
    expect(json).toContain('x\\u202ey\\u2066z\\u0085\\u007f\\udb40\\udc41');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('the CLI prints no raw bidi or control character', () => {
  it('extract: the file name in the summary is shown with ⟨U+202E⟩', async () => {
    const { code, stdout, stderr } = await cli('extract', bidiReport);
    expect(code, stderr).toBe(0);
    expect(stdout).not.toMatch(RAW);
    expect(stdout).toContain('gwent⟨U+202E⟩dm.exe.md, markdown)');
  });

  it('extract --json: the same text as \\u escapes, which parse back to the report’s own characters', async () => {
    const { code, stdout } = await cli('extract', bidiReport, '--json');
    expect(code).toBe(0);
    expect(stdout).not.toMatch(RAW);
    expect(stdout).toContain('vulner\\u2066ability\\u2069');
    // Parsed, it is the report's text again, the isolate in it (wherever the paragraph landed).
    expect(JSON.stringify(JSON.parse(stdout))).toContain('vulner\u2066ability\u2069');
  });

  it('build and brief: the report’s file name, the pack’s name and its title', async () => {
    const ws = path.join(dir, 'ws.sqlite');
    const built = await cli('build', bidiReport, '--out', ws);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).not.toMatch(RAW);
    expect(built.stdout).toContain('imported  gwent⟨U+202E⟩dm.exe.md:');
    const pack = path.join(dir, 'pack\u202edm.exe.md');
    const brief = await cli(
      'brief',
      ws,
      '--out',
      pack,
      '--marking',
      'OFFICIAL',
      '--title',
      'Gwent \u2066draft\u2069',
      '--date',
      '2026-11-27',
    );
    expect(brief.code, brief.stderr).toBe(0);
    expect(brief.stdout + brief.stderr).not.toMatch(RAW);
    expect(brief.stdout).toContain('wrote     ');
    expect(brief.stdout).toContain('pack⟨U+202E⟩dm.exe.md (Markdown');
    const md = readFileSync(pack, 'utf8');
    expect(md).toContain('# Gwent ⟨U+2066⟩draft⟨U+2069⟩');
    expect(md).not.toMatch(RAW);
  }, 120_000);

  it('a report with a NUL at byte 70,000 and an ESC on its last line is refused: exit 1, one line with the line and column', async () => {
    const bytes = new TextEncoder().encode(`${seed}${'More words.\n'.repeat(1_000)}Last line \u001b[31mred\n`);
    bytes[70_000] = 0;
    const file = path.join(dir, 'late-nul.md');
    writeFileSync(file, bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, 70_000)).split('\n');
    const { code, stdout, stderr } = await cli('extract', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toBe(
      `peel-workbench: "late-nul.md" is not a text report: it contains a control character (U+0000, NUL) at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1} (byte 70,000); expected Markdown, plain text, HTML or PDF\n`,
    );
    // With the NUL gone, the ESC on the last line is the one refused.
    bytes[70_000] = 0x20;
    writeFileSync(file, bytes);
    const lastLine = new TextDecoder().decode(bytes).split('\n').length - 1;
    const again = await cli('extract', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`(U+001B, ESC) at line ${lastLine}, column 11`);
  }, 60_000);
});
