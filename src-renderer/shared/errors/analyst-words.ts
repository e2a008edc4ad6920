/**
 * Refusals in the analyst's words. The core's messages are exact (file, line, column, byte) and are
 * kept, one click away, as the technical detail; what the analyst reads first is what happened and
 * what to do next. Keyed by the thrower's stable code (DbError.reason: ExtractError,
 * SampleFileError, WorkspaceError), never by reading the message, so a reworded message cannot
 * change what is said.
 */

/** What was refused: a report file, a case-file sample, or a workspace being opened. */
export type RefusedThing = 'report' | 'sample' | 'workspace';

export interface AnalystWords {
  /** What happened, in a sentence: "This file is not text: it looks like a program or an image." */
  what: string;
  /** What to do next, in a sentence. */
  todo: string;
}

/** A refusal as a view shows it: the words first (null: the message is already the analyst's), the original behind "Technical detail". */
export interface Refusal {
  words: AnalystWords | null;
  detail: string;
}

const REPORT: Record<string, AnalystWords> = {
  empty: { what: 'This file is empty.', todo: 'Choose the report’s PDF or a text copy of it.' },
  'too-large': {
    what: 'This file is too large to be a PEEL report, or holds a paragraph far longer than any report’s.',
    todo: 'Check that it is the report; if it is, import its text (.txt or .md) instead.',
  },
  binary: { what: 'This file is not text: it looks like a program or an image.', todo: 'Choose the report’s PDF or a text copy of it.' },
  'bad-encoding': {
    what: 'This text file is not saved as UTF-8, the encoding the workbench reads.',
    todo: 'Open it in a text editor, save it as UTF-8 and import it again.',
  },
  'bad-pdf': {
    what: 'This PDF is damaged or not a PDF.',
    todo: 'Open it in a PDF reader to check it, or choose another copy.',
  },
  'pdf-encrypted': {
    what: 'This PDF is locked with a password.',
    todo: 'Open it with its password, save an unprotected copy and import that.',
  },
  'pdf-no-text': {
    what: 'This PDF has no text in it: it looks like a scan.',
    todo: 'Import the report’s text, or the PDF published on the inspectorate’s website.',
  },
  'bad-html': {
    what: 'This web page is built in a way the workbench will not read.',
    todo: 'Save the page as text (or print it to PDF) and import that.',
  },
  'not-a-peel-report': {
    what: 'This file does not read as a PEEL inspection report: it does not name the inspection or the police force.',
    todo: 'Check that you chose the report itself, not a letter or an annex.',
  },
};

const SAMPLE: Record<string, AnalystWords> = {
  empty: {
    what: 'This file has no case files, or no header row naming its columns.',
    todo: 'Choose the sample with its column names on the first row.',
  },
  'too-large': { what: 'This file is too large for a case-file sample.', todo: 'Split it and import the parts.' },
  'zip-bomb': {
    what: 'This workbook is unsafe to open: it would unpack to far more than it holds.',
    todo: 'Ask whoever sent it for the sample again, saved as CSV.',
  },
  'not-a-table': {
    what: 'This file is not a spreadsheet the workbench can read.',
    todo: 'Save it from your spreadsheet program as Excel (.xlsx) or CSV UTF-8 and import that.',
  },
  'bad-encoding': {
    what: 'This CSV file is not saved as UTF-8, the encoding the workbench reads.',
    todo: 'Save it again as “CSV UTF-8” and import it again.',
  },
};

// Said where the workspace could not be opened: the File menu's commands, which work without one open.
const OPEN = 'File menu, “Open workspace…”';
const LEFT = 'the file has been left as it was.';
const WORKSPACE: Record<string, AnalystWords> = {
  'not-sqlite': {
    what: 'This file is not a PEEL Workbench workspace.',
    todo: `Choose a workspace saved by PEEL Workbench (${OPEN}).`,
  },
  foreign: {
    what: 'This is a database, but not a PEEL Workbench workspace.',
    todo: `Choose a workspace saved by PEEL Workbench (${OPEN}); ${LEFT}`,
  },
  corrupt: {
    what: 'This workspace is damaged.',
    todo: `Open a backup or an earlier copy of it (${OPEN}); ${LEFT}`,
  },
  altered: {
    what: 'This workspace has been changed outside the workbench.',
    todo: `Open a backup or an earlier copy of it (${OPEN}); ${LEFT}`,
  },
  'unknown-migrations': {
    what: 'This workspace was saved by a newer or different version of PEEL Workbench.',
    todo: `Open it with the version that saved it; ${LEFT}`,
  },
  'bad-migrations': {
    what: 'This version of the workbench could not bring the workspace up to date.',
    todo: `Open it with the version that saved it, or open a backup (${OPEN}); ${LEFT}`,
  },
  'migration-failed': {
    what: 'This version of the workbench could not bring the workspace up to date.',
    todo: `Open it with the version that saved it, or open a backup (${OPEN}); ${LEFT}`,
  },
};

const TABLES: Record<RefusedThing, Record<string, AnalystWords>> = { report: REPORT, sample: SAMPLE, workspace: WORKSPACE };

/** The analyst's words for a refusal code, or null when there are none (the message is then shown as it is). */
export function analystWords(thing: RefusedThing, reason: string | undefined): AnalystWords | null {
  if (!reason) return null;
  const table = TABLES[thing];
  return Object.hasOwn(table, reason) ? (table[reason] ?? null) : null;
}

/** A refusal from the worker (or the host) as a view shows it. */
export function refusalOf(thing: RefusedThing, error: { message: string; reason?: string | undefined }): Refusal {
  return { words: analystWords(thing, error.reason), detail: error.message };
}
