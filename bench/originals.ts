// Item 1's row on report originals: they add nothing to the sql.js heap. The seed PDF is imported
// through a WorkspaceSession over the desktop host's files (which keeps the original beside the
// workspace, src-main/node/workspace/originals.ts) and, for comparison, into a bare workspace that
// is only told the file's hash; the two databases (db.export(), what sql.js holds) must be the
// same size, and the original's bytes sit in `<workspace>.originals/` instead.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importReport } from '../src-core/db/import-report';
import { createWorkspace } from '../src-core/db/workspace';
import { extractReport } from '../src-core/extract/extract';
import { newSealKey } from '../src-core/workspace/seal';
import { WorkspaceSession } from '../src-core/workspace/session';
import { readMigrations } from '../src-main/node/migrations-fs';
import { readPdfText } from '../src-main/node/pdf-text';
import { loadSqlEngine } from '../src-main/node/sqljs';
import { FileWorkspaceStore } from '../src-main/node/workspace/file-store';
import { single, type Result } from './lib';

export async function benchOriginals(pdf: Uint8Array): Promise<Result[]> {
  const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations()]);
  const extraction = await extractReport('gwent.pdf', pdf, { readPdf: readPdfText });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const dir = await mkdtemp(path.join(tmpdir(), 'peel-bench-originals-'));
  try {
    const file = path.join(dir, 'ws.sqlite');
    const sealKey = newSealKey();
    const opened = await FileWorkspaceStore.open(file, { sealKey });
    const { session } = await WorkspaceSession.open(
      engine,
      migrations,
      { name: 'ws', snapshot: opened.snapshot, journal: '', sealKey },
      opened.store,
    );
    await session.importReport(structuredClone(extraction), { name: 'gwent.pdf', bytes: pdf.slice() });
    const kept = (await session.snapshot()).length;
    session.close();

    const bare = createWorkspace(engine, migrations);
    await importReport(bare, structuredClone(extraction), { name: 'gwent.pdf', size: pdf.length, sha256 });
    const without = bare.export().length;
    bare.close();

    const originals = await readdir(`${file}.originals`);
    const besideBytes = (await stat(path.join(`${file}.originals`, sha256))).size;
    return [
      single("seed: sql.js heap added by keeping the PDF's original (db.export() with − without)", kept - without, 'bytes', 0, {
        note: `workspace ${kept} bytes either way (file on disk ${(await stat(file)).size}); the ${pdf.length}-byte PDF kept beside it as ws.sqlite.originals/${originals.join(', ').slice(0, 12)}… (${besideBytes} bytes)`,
      }),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
