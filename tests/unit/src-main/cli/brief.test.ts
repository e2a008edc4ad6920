import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeRecord, sealRecord } from '../../../../src-core/workspace/journal';
import { sealOf } from '../../../../src-core/workspace/seal';
import { installationSealKey } from '../../../../src-main/node/workspace/seal-key';
import { DAMAGED_HASH_VERDICT, flipByteInContentHash } from '../../../helpers/damage';
import { runNode } from '../../../helpers/run-node';
import { OTHER_SEAL_KEY, unkeyedSeal } from '../../../helpers/seal-key';
import { ROOT } from '../../../helpers/seed';
import { openSession } from '../../../helpers/session';
import { annotateDozen, edit, gwentWorkspace } from '../../src-core/brief/gwent-workspace';

const BIN = path.join(ROOT, 'bin/peel-workbench.mjs');
/** An installation of the app for the CLI to find its seal key in (PEEL_CONFIG_DIR): never the real home folder. */
const CONFIG = mkdtempSync(path.join(tmpdir(), 'peel-config-'));
const cli = (...args: string[]) => runNode(BIN, args, { PEEL_CONFIG_DIR: CONFIG });
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
    "skips the integrity check only for bytes sealed with this installation's key; a forged seal gets the full check",
    async () => {
      const key = await installationSealKey(CONFIG);
      const db = await gwentWorkspace();
      const hash = String(db.exec('SELECT content_hash AS h FROM reports')[0]?.values[0]?.[0]);
      const bytes = db.export();
      db.close();
      const dir = mkdtempSync(path.join(tmpdir(), 'peel-brief-'));
      const ws = path.join(dir, 'gwent.sqlite');
      // Damage only PRAGMA integrity_check notices (SQLite still reads the file).
      const damaged = flipByteInContentHash(bytes, hash);
      writeFileSync(ws, damaged);
      const out = path.join(dir, 'pack.md');
      // Seals that do not vouch for these bytes: of the bytes before the damage; of the damaged
      // bytes computed the old unkeyed way (which anyone can, and which let the damage by before);
      // of the damaged bytes under another installation's key.
      for (const forged of [await sealOf(bytes, key), unkeyedSeal(damaged), await sealOf(damaged, OTHER_SEAL_KEY)]) {
        writeFileSync(`${ws}.peel-seal`, forged);
        const refused = await cli('brief', ws, '--out', out, '--marking', 'OFFICIAL');
        expect(refused.code, forged).toBe(1);
        expect(refused.stderr).toBe(`peel-workbench: gwent.sqlite failed its integrity check: ${DAMAGED_HASH_VERDICT}\n`);
        expect(existsSync(out)).toBe(false);
      }
      // A seal this installation made of these very bytes is trusted: the same damage goes
      // unchecked, which shows the CLI used the app's key (a seal guards against accidents; the
      // key keeps anyone else from making one).
      writeFileSync(`${ws}.peel-seal`, await sealOf(damaged, key));
      const sealed = await cli('brief', ws, '--out', out, '--marking', 'OFFICIAL');
      expect([sealed.code, sealed.stderr]).toEqual([0, '']);
      expect(existsSync(out)).toBe(true);
      // Without the key (another machine), the same seal is just a file from elsewhere.
      const elsewhere = await runNode(BIN, ['brief', ws, '--out', path.join(dir, 'other.md'), '--marking', 'OFFICIAL'], {
        PEEL_CONFIG_DIR: mkdtempSync(path.join(tmpdir(), 'peel-config-')),
      });
      expect(elsewhere.code).toBe(1);
      expect(elsewhere.stderr).toContain(DAMAGED_HASH_VERDICT);
    },
    SLOW,
  );
});

describe('peel-workbench brief and what else lies beside a workspace', () => {
  /** The Gwent workspace, written by the app with two edits in its journal (findings 24 and 25 marked for the brief). */
  async function journaled(): Promise<{ dir: string; ws: string; journal: string }> {
    const { dir, ws } = await workspaceFile(false);
    const { session } = await openSession(ws);
    for (const id of [24, 25]) {
      await session.edit('annotation.set', {
        targetType: 'finding',
        targetId: id,
        field: 'includeInBrief',
        value: true,
        author: 'ann',
        at: '2026-11-27T10:00:00.000Z',
      });
    }
    session.close();
    return { dir, ws, journal: readFileSync(`${ws}.peel-journal`, 'utf8') };
  }

  async function sparse(file: string, size: number, head = ''): Promise<void> {
    const fh = await open(file, 'w');
    if (head) await fh.write(head);
    await fh.truncate(size);
    await fh.close();
  }

  it(
    'a 600 MB journal or seal (sparse files) is read within its limits: the pack is written, and what was left out is said',
    async () => {
      const { dir, ws, journal } = await journaled();
      // The two good records, then 600 MB with no newline: one record far over the limit.
      await sparse(`${ws}.peel-journal`, journal.length + 600 * 1024 ** 2, journal);
      await sparse(`${ws}.peel-seal`, 600 * 1024 ** 2);
      const out = path.join(dir, 'pack.md');
      const r = await cli('brief', ws, '--out', out, '--marking', 'OFFICIAL', '--sections', 'findings');
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(
        `peel-workbench: warning: ${ws}.peel-journal: 1 journal record was not replayed: line 3 is longer than a journal record may be (1.0 MB) (600.0 MB from there on were not read); the pack has the edits before it\n`,
      );
      expect(r.stdout).toMatch(/: 2 findings, /);
      // Read only: the sidecars are as they were.
      expect(statSync(`${ws}.peel-journal`).size).toBe(journal.length + 600 * 1024 ** 2);
      expect(statSync(`${ws}.peel-seal`).size).toBe(600 * 1024 ** 2);
    },
    SLOW,
  );

  it(
    'says how many journal records it left out and why: a damaged one and those after it, or one that no longer applies',
    async () => {
      const { dir, ws, journal } = await journaled();
      const [first = '', second = ''] = journal.split('\n');
      const out = path.join(dir, 'pack.md');
      // The first record altered (its checksum no longer matches): it and the one after it are left out.
      writeFileSync(`${ws}.peel-journal`, `${first.replace('"targetId":24', '"targetId":26')}\n${second}\n`);
      const damaged = await cli('brief', ws, '--out', out, '--marking', 'OFFICIAL', '--sections', 'findings');
      expect(damaged.code).toBe(0);
      expect(damaged.stderr).toBe(
        `peel-workbench: warning: ${ws}.peel-journal: 2 journal records were not replayed: line 1 fails its checksum: it was altered or damaged, and none after it is applied; the pack has the edits before it\n`,
      );
      expect(damaged.stdout).toMatch(/: 0 findings|No finding is marked/);
      // A well-formed record for a finding the workspace does not have, after a good one.
      const gone = encodeRecord(
        await sealRecord(2, 'annotation.set', {
          targetType: 'finding',
          targetId: 999_999,
          field: 'includeInBrief',
          value: true,
          author: 'ann',
          at: '2026-11-27T10:00:00.000Z',
        }),
      );
      writeFileSync(`${ws}.peel-journal`, `${first}\n${gone}`);
      const stale = await cli('brief', ws, '--out', out, '--marking', 'OFFICIAL', '--sections', 'findings');
      expect(stale.code).toBe(0);
      expect(stale.stderr).toBe(
        `peel-workbench: warning: ${ws}.peel-journal: 1 journal record was not replayed: line 2 is an edit that does not apply to this workspace; the pack has the edits before it\n`,
      );
      expect(stale.stdout).toMatch(/: 1 finding, /);
      // A torn last line (a crash mid-save) is said too.
      writeFileSync(`${ws}.peel-journal`, `${first}\n${second.slice(0, 30)}`);
      const torn = await cli('brief', ws, '--out', out, '--marking', 'OFFICIAL', '--sections', 'findings');
      expect(torn.stderr).toBe(
        `peel-workbench: warning: ${ws}.peel-journal: 1 journal record was not replayed: line 2 is incomplete: a write cut short, as by a crash (that edit was never saved); the pack has the edits before it\n`,
      );
    },
    SLOW,
  );

  it(
    'refuses, in one line, a journal it cannot read at all',
    async () => {
      const { dir, ws } = await journaled();
      rmSync(`${ws}.peel-journal`);
      mkdirSync(`${ws}.peel-journal`);
      const r = await cli('brief', ws, '--out', path.join(dir, 'pack.md'), '--marking', 'OFFICIAL');
      expect([r.code, r.stdout]).toEqual([1, '']);
      expect(r.stderr).toBe(`peel-workbench: ${ws}.peel-journal cannot be read (EISDIR), so the edits in it cannot be shown\n`);
    },
    SLOW,
  );
});
