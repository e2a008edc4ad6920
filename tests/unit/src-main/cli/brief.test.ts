import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealOf } from '../../../../src-core/workspace/seal';
import { DAMAGED_HASH_VERDICT, flipByteInContentHash } from '../../../helpers/damage';
import { runNode } from '../../../helpers/run-node';
import { ROOT } from '../../../helpers/seed';
import { openSession } from '../../../helpers/session';
import { annotateDozen, edit, gwentWorkspace } from '../../src-core/brief/gwent-workspace';

const BIN = path.join(ROOT, 'bin/peel-workbench.mjs');
const cli = (...args: string[]) => runNode(BIN, args);
/** Each run starts Node and tsx: seconds apiece on a loaded 2-core machine. */
const SLOW = 180_000;

/** A folder holding the Gwent workspace as a file, optionally with a dozen findings marked include-in-brief and a saved view. */
async function workspaceFile(annotated: boolean): Promise<{ dir: string; ws: string }> {
  const db = await gwentWorkspace();
  if (annotated) {
    annotateDozen(db);
    edit(db, 'view.save', { name: 'Custody', view: 'findings', definition: { version: 1, search: 'custody', facets: {}, filters: {} } });
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'peel-brief-'));
  const ws = path.join(dir, 'gwent.sqlite');
  writeFileSync(ws, db.export());
  db.close();
  return { dir, ws };
}

describe('peel-workbench brief', () => {
  it(
    'writes an HTML pack with the marking, the author defaulting to the OS user, and says what it wrote',
    async () => {
      const { dir, ws } = await workspaceFile(true);
      const before = readFileSync(ws);
      const out = path.join(dir, 'pack.html');
      const r = await cli(
        'brief',
        ws,
        '--out',
        out,
        '--marking',
        'OFFICIAL-SENSITIVE',
        '--caveat',
        'not for onward circulation',
        '--title',
        'Gwent <briefing>',
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const html = readFileSync(out, 'utf8');
      expect(r.stdout).toMatch(
        new RegExp(
          `^wrote     ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(HTML, \\d+\\.\\d KB\\): 12 findings, 15 metrics, 41 sources; marked OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION$`,
          'm',
        ),
      );
      expect(r.stdout).toContain('note      Case-file review figures for Gwent Police come from a synthetic demonstration sample');
      expect(r.stdout).not.toContain('No finding is marked');
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain('<h1>Gwent &lt;briefing&gt;</h1>');
      expect(html.match(/>OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION</g)).toHaveLength(3); // top, bottom, title block
      expect(html).toContain(`<dt>Author</dt><dd>${userInfo().username}</dd>`);
      // Read only: the workspace is untouched and nothing else appeared beside it.
      expect(readFileSync(ws).equals(before)).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['gwent.sqlite', 'pack.html']);
    },
    SLOW,
  );

  it(
    'writes Markdown, Word and PDF packs of the same content',
    async () => {
      const { dir, ws } = await workspaceFile(true);
      const [md, docx, pdf] = await Promise.all(
        ['md', 'docx', 'pdf'].map((ext) =>
          cli('brief', ws, '--out', path.join(dir, `pack.${ext}`), '--marking', 'OFFICIAL', '--view', 'custody'),
        ),
      );
      for (const r of [md, docx, pdf]) expect([r?.code, r?.stderr]).toEqual([0, '']);
      expect(md?.stdout).toMatch(/\(Markdown, [\d.]+ KB\): 1 finding, 15 metrics, \d+ sources; marked OFFICIAL$/m);
      expect(docx?.stdout).toMatch(/\(DOCX, [\d.]+ KB\): 1 finding,/);
      expect(pdf?.stdout).toMatch(/\(PDF, [\d.]+ KB\): 1 finding,/);
      const text = readFileSync(path.join(dir, 'pack.md'), 'utf8').trimEnd().split('\n');
      expect([text[0], text[text.length - 1]]).toEqual(['OFFICIAL', 'OFFICIAL']);
      expect(text.join('\n')).toContain('saved view “Custody” (3 findings), keeping those marked include-in-brief | 1 |');
      expect(readFileSync(path.join(dir, 'pack.docx')).subarray(0, 2).toString()).toBe('PK');
      expect(readFileSync(path.join(dir, 'pack.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    },
    SLOW,
  );

  it(
    'says when no finding is marked include-in-brief and builds the summary and metrics only',
    async () => {
      const { dir, ws } = await workspaceFile(false);
      const out = path.join(dir, 'pack.md');
      const r = await cli('brief', ws, '--out', out, '--marking', 'official', '--sections', 'summary,metrics,findings');
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe('No finding is marked include-in-brief: building the summary and metrics only.');
      expect(r.stdout).toMatch(/: 0 findings, 15 metrics, 21 sources; marked OFFICIAL$/m);
      const md = readFileSync(out, 'utf8');
      expect(md.match(/^## .*/gm)).toEqual(['## Summary of judgments', '## Key metrics', '## Findings']);
      expect(md).toContain('## Findings\n\n_No finding is marked include-in-brief._');
    },
    SLOW,
  );

  it(
    'includes edits journaled since the last save, without writing to the workspace or its journal',
    async () => {
      const { dir, ws } = await workspaceFile(false);
      const { session } = await openSession(ws);
      await session.edit('annotation.set', {
        targetType: 'finding',
        targetId: 24,
        field: 'includeInBrief',
        value: true,
        author: 'ann',
        at: '2026-11-27T10:00:00.000Z',
      });
      await session.edit('annotation.set', {
        targetType: 'finding',
        targetId: 24,
        field: 'note',
        value: 'Journaled note',
        author: 'ann',
        at: '2026-11-27T10:00:00.000Z',
      });
      session.close();
      const journal = readFileSync(`${ws}.peel-journal`, 'utf8');
      const out = path.join(dir, 'pack.md');
      const r = await cli('brief', ws, '--out', out, '--marking', 'OFFICIAL', '--sections', 'findings');
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(/: 1 finding, /);
      expect(readFileSync(out, 'utf8')).toContain('**Analyst’s note:** _Journaled note_');
      expect(readFileSync(`${ws}.peel-journal`, 'utf8')).toBe(journal);
    },
    SLOW,
  );

  it(
    'refuses, in one line naming what and where, and writes nothing: bad format, marking, sections, view, workspace',
    async () => {
      const { dir, ws } = await workspaceFile(true);
      const out = (name: string) => path.join(dir, name);
      const cases: [string[], string | RegExp][] = [
        [
          [ws, '--out', out('pack.txt'), '--marking', 'OFFICIAL'],
          `--out ${out('pack.txt')}: cannot write a pack as ".txt"; name it .docx, .pdf, .html or .md`,
        ],
        [
          [ws, '--out', out('pack.html')],
          '--marking is required: choose OFFICIAL or OFFICIAL-SENSITIVE (there is no default; the analyst decides)',
        ],
        [
          [ws, '--out', out('pack.html'), '--marking', 'SECRET'],
          '--marking "SECRET" is not a protective marking this tool prints; choose OFFICIAL or OFFICIAL-SENSITIVE',
        ],
        [
          [ws, '--out', out('pack.html'), '--marking', 'OFFICIAL', '--sections', 'summary,charts'],
          '--sections "summary,charts": unknown "charts"; choose from summary,metrics,findings,areas,review,sources,reproducibility',
        ],
        [
          [ws, '--out', out('pack.html'), '--marking', 'OFFICIAL', '--view', 'Mental health'],
          `--view "Mental health": ${ws} has no saved findings view by that name; its views are "Custody"`,
        ],
        [[out('missing.sqlite'), '--out', out('pack.html'), '--marking', 'OFFICIAL'], `${out('missing.sqlite')}: no such workspace file`],
        [
          [ws, '--out', out('no/such/folder/pack.html'), '--marking', 'OFFICIAL'],
          `--out ${out('no/such/folder/pack.html')}: the folder ${out('no/such/folder')} does not exist`,
        ],
        [
          [ws, '--out', out('pack.html'), '--marking', 'OFFICIAL', '--date', '27/11/2026'],
          /^--date "27\/11\/2026": write the date as YYYY-MM-DD, e\.g\. \d{4}-\d\d-\d\d$/,
        ],
      ];
      const results = await Promise.all(cases.map(([args]) => cli('brief', ...args)));
      results.forEach((r, i) => {
        const want = cases[i]?.[1];
        expect([r.code, r.stdout]).toEqual([1, '']);
        if (want instanceof RegExp) expect(r.stderr.replace(/^peel-workbench: |\n$/g, '')).toMatch(want);
        else expect(r.stderr).toBe(`peel-workbench: ${want}\n`);
      });
      expect(readdirSync(dir)).toEqual(['gwent.sqlite']);
      writeFileSync(out('notes.sqlite'), 'not a database');
      const r = await cli('brief', out('notes.sqlite'), '--out', out('pack.html'), '--marking', 'OFFICIAL');
      expect([r.code, r.stderr]).toEqual([
        1,
        'peel-workbench: notes.sqlite is not a SQLite database, so it cannot be a PEEL Workbench workspace\n',
      ]);
      expect(existsSync(out('pack.html'))).toBe(false);
    },
    SLOW,
  );
});

describe('peel-workbench brief and the seal the app leaves beside a workspace', () => {
  it(
    'skips the integrity check only for bytes that match the seal, and refuses damage otherwise',
    async () => {
      const db = await gwentWorkspace();
      const hash = String(db.exec('SELECT content_hash FROM reports')[0]?.values[0]?.[0]);
      const bytes = db.export();
      db.close();
      const dir = mkdtempSync(path.join(tmpdir(), 'peel-brief-'));
      const ws = path.join(dir, 'gwent.sqlite');
      // Damage only PRAGMA integrity_check notices (SQLite still reads the file).
      const damaged = flipByteInContentHash(bytes, hash);
      writeFileSync(ws, damaged);
      const out = path.join(dir, 'pack.md');
      writeFileSync(`${ws}.peel-seal`, await sealOf(bytes)); // the seal of the bytes before the damage
      const refused = await cli('brief', ws, '--out', out, '--marking', 'OFFICIAL');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(DAMAGED_HASH_VERDICT);
      expect(existsSync(out)).toBe(false);
      // A seal that matches these very bytes is read and trusted: the same damage goes unchecked,
      // which shows the CLI used the seal (a seal guards against accidents, not tampering).
      writeFileSync(`${ws}.peel-seal`, await sealOf(damaged));
      const sealed = await cli('brief', ws, '--out', out, '--marking', 'OFFICIAL');
      expect(sealed.stderr).toBe('');
      expect(sealed.code).toBe(0);
      expect(existsSync(out)).toBe(true);
    },
    SLOW,
  );
});
