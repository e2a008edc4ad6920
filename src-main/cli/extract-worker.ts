import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { ExtractError } from '../../src-core/extract/errors';
import type { MetaOverrides } from '../../src-core/extract/report-meta';
import { extractFile } from '../node/extract-file';
import type { PoolRequest, WorkerResult } from './extract-pool';

/**
 * One of the CLI's extraction workers: reads and extracts the files it is sent, one at a time, and
 * sends back the extraction with the file's size and SHA-256 rather than its bytes, so the main
 * thread holds a hundred reports' facts and not a hundred PDFs.
 */
if (!parentPort) throw new Error('extract-worker runs as a worker thread');
const port = parentPort;
port.on('message', (req: PoolRequest) => {
  void run(req.file, req.overrides).then((reply) => port.postMessage({ id: req.id, ...reply }));
});

async function run(file: string, overrides: MetaOverrides): Promise<WorkerResult> {
  try {
    const { file: f, extraction } = await extractFile(file, overrides);
    const sha256 = createHash('sha256').update(f.bytes).digest('hex');
    return { ok: true, name: f.name, size: f.bytes.length, sha256, extraction };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, refused: e instanceof ExtractError, message };
  }
}
