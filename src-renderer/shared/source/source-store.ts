import type { Host, HostError } from '../../../src-core/host/contract';
import type { ReportSource } from '../../../src-core/query/model/report-source';
import type { DbClient } from '../../db/db-client';
import { sha256Hex } from '../../../src-core/db/hash';
import { readOriginalText } from './original-text';
import type { TextRow } from './locate';
import type { PDFDocumentProxy } from './pdf-document';

/** A report's original as the panel shows it: the lines of a text, or a PDF opened in pdf.js. */
export type Original = { kind: 'text'; rows: TextRow[] } | { kind: 'pdf'; doc: PDFDocumentProxy };

export type SourceLoad =
  | { status: 'loading' }
  | { status: 'ready'; source: ReportSource; original: Original }
  | {
      status: 'unavailable';
      /** Null when even the report's record could not be read. */
      source: ReportSource | null;
      /** missing/changed: the analyst can point at the file again (Locate file…). */
      reason: 'missing' | 'changed' | 'failed';
      message: string;
    };

/** What Locate file… did: the original is kept again, the analyst cancelled, or it was refused (in words). */
export type LocateOutcome = { status: 'kept' } | { status: 'cancelled' } | { status: 'refused'; message: string };

/** The messages name the file: the host's name only the hash (the report is the caller's to name). */
function unavailable(source: ReportSource, error: HostError): SourceLoad {
  const name = source.sourceName;
  if (error.code === 'original-missing')
    return {
      status: 'unavailable',
      source,
      reason: 'missing',
      message: `The original file, ${name}, is not kept with this workspace: it was imported before originals were kept, or it was moved or deleted. Locate the file to see the page; meanwhile, here is what was read from it.`,
    };
  if (error.code === 'original-changed') return changed(source);
  return { status: 'unavailable', source, reason: 'failed', message: `The original file, ${name}, could not be read: ${error.message}` };
}

function changed(source: ReportSource): SourceLoad {
  return {
    status: 'unavailable',
    source,
    reason: 'changed',
    message: `The original file, ${source.sourceName}, has changed since it was imported: its bytes no longer match the report that was read, so it is not shown as the source. Locate the file as imported; meanwhile, here is what was read from it.`,
  };
}

/**
 * The originals of the open workspace's reports, each read from the host once and kept (a PDF as
 * the pdf.js document, so a second page or a second item is drawn without reading or parsing the
 * file again) while the workspace is open. Keyed by the original's hash: a report imported again
 * from another file is another original. One store per open workspace (SourceProvider.tsx).
 */
export class SourceStore {
  private readonly originals = new Map<string, Promise<Original>>();

  constructor(
    private readonly host: Host,
    private readonly client: DbClient,
    private readonly handle: string,
  ) {}

  async load(reportId: number): Promise<SourceLoad> {
    const record = await this.client.reportSource(reportId);
    if (!record.ok)
      return { status: 'unavailable', source: null, reason: 'failed', message: `The report could not be read: ${record.error.message}` };
    const source = record.value;
    if (!source) return { status: 'unavailable', source: null, reason: 'failed', message: 'This report is no longer in the workspace.' };
    let original = this.originals.get(source.contentHash);
    if (!original) {
      original = this.read(source);
      this.originals.set(source.contentHash, original);
      // A failure is not kept: the file may be put back, or located, and asked for again.
      // Only this read's entry: one made since (after Locate file…) is kept.
      const mine = original;
      original.catch(() => {
        if (this.originals.get(source.contentHash) === mine) this.originals.delete(source.contentHash);
      });
    }
    try {
      return { status: 'ready', source, original: await original };
    } catch (e) {
      if (e instanceof Unavailable) return unavailable(source, e.error);
      return unavailable(source, { code: 'read-failed', message: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Asks the analyst to point at the report's original again; the host keeps it only if its hash matches. */
  async locate(source: ReportSource): Promise<LocateOutcome> {
    const located = await this.host.workspace.locateOriginal(this.handle, source.contentHash, source.sourceName);
    if (!located.ok) return { status: 'refused', message: located.error.message };
    if (!located.value) return { status: 'cancelled' };
    this.originals.delete(source.contentHash);
    return { status: 'kept' };
  }

  /**
   * The workspace closed: what was read is let go (pdf.js's worker frees a PDF's parsed pages). The
   * store stays usable (React may dispose and reuse it, as StrictMode does): a later load reads again.
   */
  dispose(): void {
    for (const original of this.originals.values()) {
      void original.then((o) => (o.kind === 'pdf' ? o.doc.destroy() : undefined)).catch(() => undefined);
    }
    this.originals.clear();
  }

  private async read(source: ReportSource): Promise<Original> {
    const read = await this.host.workspace.readOriginal(this.handle, source.contentHash, source.sourceName);
    if (!read.ok) throw new Unavailable(read.error);
    const { bytes } = read.value;
    // The host checked the hash; so does the panel, as it is never to show a file that is not the one read.
    if ((await sha256Hex(bytes)) !== source.contentHash) throw new Unavailable({ code: 'original-changed', message: '' });
    const text = await readOriginalText(source.sourceName, bytes);
    if (text) return { kind: 'text', rows: text };
    const { openPdf } = await import('./pdf-document');
    return { kind: 'pdf', doc: await openPdf(bytes) };
  }
}

class Unavailable extends Error {
  constructor(readonly error: HostError) {
    super(error.message);
  }
}
