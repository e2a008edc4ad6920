import { describe, expect, it } from 'vitest';
import type { ExtractErrorCode } from '../../../../../src-core/extract/errors';
import type { WorkspaceErrorCode } from '../../../../../src-core/db/errors';
import type { SampleFileErrorCode } from '../../../../../src-core/samples/table';
import { analystWords, refusalOf, type RefusedThing } from '../../../../../src-renderer/shared/errors/analyst-words';

// Every code each refuser throws (a new code without words fails the type check of these lists).
const REPORT_CODES = {
  empty: 'This file is empty.',
  'too-large': 'This file is too large to be a PEEL report, or holds a paragraph far longer than any report’s.',
  binary: 'This file is not text: it looks like a program or an image.',
  'bad-encoding': 'This text file is not saved as UTF-8, the encoding the workbench reads.',
  'bad-pdf': 'This PDF is damaged or not a PDF.',
  'pdf-encrypted': 'This PDF is locked with a password.',
  'pdf-no-text': 'This PDF has no text in it: it looks like a scan.',
  'bad-html': 'This web page is built in a way the workbench will not read.',
  'not-a-peel-report': 'This file does not read as a PEEL inspection report: it does not name the inspection or the police force.',
} satisfies Record<ExtractErrorCode, string>;

const SAMPLE_CODES = {
  empty: 'This file has no case files, or no header row naming its columns.',
  'too-large': 'This file is too large for a case-file sample.',
  'zip-bomb': 'This workbook is unsafe to open: it would unpack to far more than it holds.',
  'not-a-table': 'This file is not a spreadsheet the workbench can read.',
  'bad-encoding': 'This CSV file is not saved as UTF-8, the encoding the workbench reads.',
} satisfies Record<SampleFileErrorCode, string>;

const WORKSPACE_CODES = {
  'not-sqlite': 'This file is not a PEEL Workbench workspace.',
  foreign: 'This is a database, but not a PEEL Workbench workspace.',
  corrupt: 'This workspace is damaged.',
  altered: 'This workspace has been changed outside the workbench.',
  'unknown-migrations': 'This workspace was saved by a newer or different version of PEEL Workbench.',
  'bad-migrations': 'This version of the workbench could not bring the workspace up to date.',
  'migration-failed': 'This version of the workbench could not bring the workspace up to date.',
} satisfies Record<WorkspaceErrorCode, string>;

const TABLES: [RefusedThing, Record<string, string>][] = [
  ['report', REPORT_CODES],
  ['sample', SAMPLE_CODES],
  ['workspace', WORKSPACE_CODES],
];

describe('a refusal in the analyst’s words', () => {
  for (const [thing, codes] of TABLES) {
    for (const [code, what] of Object.entries(codes)) {
      it(`says what happened and what to do for a ${thing} refused as ${code}`, () => {
        const words = analystWords(thing, code);
        expect(words?.what).toBe(what);
        // What to do: a sentence of its own, never the developer's vocabulary.
        expect(words?.todo).toMatch(/^[A-Z].*\.$/);
        expect(`${words?.what} ${words?.todo}`).not.toMatch(/byte|U\+|column \d|SQLite|UTF-16|schema|ZIP|pdf\.js|Invalid PDF/);
      });
    }
  }

  it('gives the issue’s two examples their words', () => {
    expect(analystWords('report', 'binary')).toEqual({
      what: 'This file is not text: it looks like a program or an image.',
      todo: 'Choose the report’s PDF or a text copy of it.',
    });
    expect(analystWords('report', 'bad-pdf')).toEqual({
      what: 'This PDF is damaged or not a PDF.',
      todo: 'Open it in a PDF reader to check it, or choose another copy.',
    });
  });

  it('keeps the original message, with its file, line and column, as the technical detail', () => {
    const message = '"notes.txt" is not a text report: it contains a control character (U+0000, NUL) at line 1, column 67 (byte 66)';
    expect(refusalOf('report', { message, reason: 'binary' })).toEqual({ words: analystWords('report', 'binary'), detail: message });
  });

  it('says nothing of its own for a refusal with no code, or a code it does not know, or one of another kind of file', () => {
    expect(refusalOf('report', { message: 'It is 51.0 MB; reports over 50 MB are refused.' }).words).toBeNull();
    expect(analystWords('report', 'something-new')).toBeNull();
    // A sample's code does not name a workspace's refusal; an inherited property is not a code.
    expect(analystWords('workspace', 'zip-bomb')).toBeNull();
    expect(analystWords('report', 'toString')).toBeNull();
    expect(analystWords('report', undefined)).toBeNull();
  });
});
