import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../../src-core/host/contract';
import { IPC_CHANNELS, parseReply } from '../../../../src-core/host/methods';
import { saveExport, withExtension } from '../../../../src-main/node/save-export';
import { MAIN_FRAME, makeMainHost, removeMainHostFolders, workspaceBytes } from '../../../helpers/main-host';

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await workspaceBytes();
});
afterAll(removeMainHostFolders);

const PDF = new TextEncoder().encode('%PDF-1.7\n% a briefing pack\n');
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function save(host: ReturnType<typeof makeMainHost>, file: unknown): Promise<Result<unknown>> {
  return host.handlers[IPC_CHANNELS.saveExport](MAIN_FRAME, file);
}

describe('saving an export through main (export.save)', () => {
  it('writes the bytes where the dialog says, offering only the export’s own type, and tells the page the name but not the folder', async () => {
    const host = makeMainHost(bytes);
    const target = path.join(host.docs, 'Gwent brief.pdf');
    host.dialogs.exports.push(target);
    const reply = await save(host, { suggestedName: 'Gwent brief 2026-11-27.pdf', mime: 'application/pdf', bytes: PDF });
    expect(reply).toEqual({ ok: true, value: { saved: true, name: 'Gwent brief.pdf' } });
    expect(parseReply(IPC_CHANNELS.saveExport, reply)).toEqual(reply);
    expect(host.dialogs.exportAsked).toEqual({
      suggestedName: 'Gwent brief 2026-11-27.pdf',
      filter: { name: 'PDF document', extensions: ['pdf'] },
    });
    expect(readFileSync(target)).toEqual(Buffer.from(PDF));
    expect(JSON.stringify(reply)).not.toContain(host.docs);
    // No temporary file is left beside it.
    expect(readdirSync(host.docs)).toEqual(['Gwent brief.pdf']);
  });

  it('adds the extension a Linux dialog leaves off, so the file opens as what it is', async () => {
    const host = makeMainHost(bytes);
    host.dialogs.exports.push(path.join(host.docs, 'brief'));
    const reply = await save(host, { suggestedName: 'Brief.docx', mime: DOCX_MIME, bytes: PDF });
    expect(reply).toEqual({ ok: true, value: { saved: true, name: 'brief.docx' } });
    expect(existsSync(path.join(host.docs, 'brief.docx'))).toBe(true);
    expect(withExtension('/x/Brief.DOCX', 'docx')).toBe('/x/Brief.DOCX');
    expect(withExtension('/x/Brief.sqlite', 'csv')).toBe('/x/Brief.sqlite.csv');
  });

  it('writes nothing when the user cancels the dialog', async () => {
    const host = makeMainHost(bytes);
    const reply = await save(host, { suggestedName: 'Findings.csv', mime: 'text/csv', bytes: PDF });
    expect(reply).toEqual({ ok: true, value: { saved: false, name: 'Findings.csv' } });
    expect(readdirSync(host.docs)).toEqual([]);
  });

  it('replaces an existing file whole: a failed write leaves the old content, and the page gets a message without the path', async () => {
    const host = makeMainHost(bytes);
    const target = path.join(host.docs, 'Brief.md');
    writeFileSync(target, 'the old pack');
    const failed = await saveExport(
      async () => target,
      { suggestedName: 'Brief.md', mime: 'text/markdown', bytes: PDF },
      async () => {
        throw Object.assign(new Error(`ENOSPC: no space left on device, write '${target}'`), { code: 'ENOSPC' });
      },
    ).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(readFileSync(target, 'utf8')).toBe('the old pack');
    // Through the handler a failure comes back as a value naming no path.
    host.dialogs.exports.push(path.join(host.docs, 'no-such-folder', 'Brief.md'));
    const reply = await save(host, { suggestedName: 'Brief.md', mime: 'text/markdown', bytes: PDF });
    expect(reply).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    expect(JSON.stringify(reply)).not.toContain(host.docs);
    host.dialogs.exports.push(target);
    expect(await save(host, { suggestedName: 'Brief.md', mime: 'text/markdown', bytes: PDF })).toMatchObject({ ok: true });
    expect(readFileSync(target)).toEqual(Buffer.from(PDF));
  });
});

describe('window.workbench.saveExport (the preload side)', () => {
  it('forwards the file on export.save and lets through only replies of the contract’s shape', async () => {
    const { createBridge } = await import('../../../../src-main/preload/bridge');
    const sent: unknown[][] = [];
    let reply: unknown = { ok: true, value: { saved: true, name: 'Brief.pdf' } };
    const bridge = createBridge(
      '1',
      async (channel, ...args) => {
        sent.push([channel, ...args]);
        return reply;
      },
      () => () => undefined,
    );
    const file = { suggestedName: 'Brief.pdf', mime: 'application/pdf' as const, bytes: PDF };
    expect(await bridge.saveExport(file)).toEqual({ ok: true, value: { saved: true, name: 'Brief.pdf' } });
    expect(sent).toEqual([[IPC_CHANNELS.saveExport, file]]);
    reply = { ok: true, value: { path: '/home/analyst/Brief.pdf' } };
    expect(await bridge.saveExport(file)).toMatchObject({ ok: false, error: { code: 'bad-response' } });
  });
});
