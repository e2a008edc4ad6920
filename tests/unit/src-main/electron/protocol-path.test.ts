import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolveAppFile, resolveAppRequest } from '../../../../src-main/electron/protocol-path';

const ROOT = '/opt/peel/out/renderer';

function served(url: string, root = ROOT, p: typeof path.posix | typeof path.win32 = path.posix) {
  return resolveAppRequest(root, url, p);
}

describe('resolveAppRequest', () => {
  it('serves index.html for the root and files of the build by type', () => {
    expect(served('app://app/')).toEqual({ ok: true, file: `${ROOT}/index.html`, contentType: 'text/html; charset=utf-8' });
    expect(served('app://app/assets/index-abc.js')).toMatchObject({
      ok: true,
      file: `${ROOT}/assets/index-abc.js`,
      contentType: 'text/javascript; charset=utf-8',
    });
    // instantiateStreaming refuses wasm served under any other type.
    expect(served('app://app/assets/sql-wasm-browser-abc.wasm')).toMatchObject({ ok: true, contentType: 'application/wasm' });
  });

  it('ignores query strings and fragments', () => {
    expect(served('app://app/assets/a.css?v=1#x')).toMatchObject({ ok: true, file: `${ROOT}/assets/a.css` });
  });

  it('never resolves outside the renderer folder', () => {
    for (const url of [
      'app://app/..%2f..%2f..%2fetc%2fpasswd.html',
      'app://app/%2e%2e/%2e%2e/%2e%2e/etc/passwd.html',
      'app://app/assets/..%2f..%2f..%2f..%2fhome%2fuser%2f.ssh%2fid_rsa.json',
      'app://app/%2fetc%2fpasswd.html',
    ]) {
      const r = served(url);
      if (r.ok) expect(r.file.startsWith(`${ROOT}/`), url).toBe(true);
      else expect(r.status, url).toBe(403);
    }
    expect(served('app://app/..%2f..%2fsecret.html')).toEqual({ ok: false, status: 403 });
  });

  it('never resolves outside the renderer folder with Windows paths either', () => {
    const root = 'C:\\Program Files\\PEEL\\resources\\app.asar\\out\\renderer';
    expect(served('app://app/..%5c..%5c..%5csecret.html', root, path.win32)).toEqual({ ok: false, status: 403 });
    expect(served('app://app/assets%5c..%5c..%5c..%5csecret.html', root, path.win32)).toEqual({ ok: false, status: 403 });
    const drive = served('app://app/C:%5cWindows%5cwin.html', root, path.win32);
    if (drive.ok) expect(drive.file.startsWith(`${root}\\`)).toBe(true);
    expect(served('app://app/assets/a.js', root, path.win32)).toMatchObject({ ok: true, file: `${root}\\assets\\a.js` });
  });

  it('refuses other hosts, other schemes and credentials', () => {
    expect(served('app://evil/index.html')).toEqual({ ok: false, status: 403 });
    expect(served('file:///opt/peel/out/renderer/index.html')).toEqual({ ok: false, status: 403 });
    expect(served('app://me@app/index.html')).toEqual({ ok: false, status: 403 });
  });

  it('refuses malformed escapes, NUL bytes and types the build does not contain', () => {
    expect(served('app://app/%E0%A4%A.html')).toEqual({ ok: false, status: 400 });
    expect(served('app://app/index.html%00.js')).toEqual({ ok: false, status: 400 });
    expect(served('not a url')).toEqual({ ok: false, status: 400 });
    expect(served('app://app/default-workspace.sqlite')).toEqual({ ok: false, status: 404 });
    expect(served('app://app/assets')).toEqual({ ok: false, status: 404 });
  });
});

/**
 * Links are resolved before anything is served: a real folder with real symlinks in it (the
 * lexical check above cannot see where a link points).
 */
describe('resolveAppFile: regular files inside the folder, after resolving links', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'peel-app-'));
  const root = path.join(base, 'renderer');
  const outside = path.join(base, 'secret');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
  writeFileSync(path.join(outside, 'id_rsa.json'), '{"private":"key"}');
  mkdirSync(path.join(root, 'folder.js'));
  // Links: to a file outside, to a folder outside, to a file inside, a dangling one, a loop.
  symlinkSync(path.join(outside, 'id_rsa.json'), path.join(root, 'leak.json'));
  symlinkSync(outside, path.join(root, 'assets', 'up'));
  symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'alias.js'));
  symlinkSync(path.join(root, 'nowhere.js'), path.join(root, 'dangling.js'));
  symlinkSync(path.join(root, 'loop-b.js'), path.join(root, 'loop-a.js'));
  symlinkSync(path.join(root, 'loop-a.js'), path.join(root, 'loop-b.js'));
  symlinkSync('/dev/zero', path.join(root, 'zero.js'));
  const fifo = path.join(root, 'pipe.js');
  const hasFifo = spawnSync('mkfifo', [fifo]).status === 0;

  it('serves a regular file, under its resolved path', async () => {
    expect(await resolveAppFile(root, 'app://app/')).toEqual({
      ok: true,
      file: path.join(realpathSync(root), 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    // A link that stays inside the folder is followed: what is read is the file it names.
    expect(await resolveAppFile(root, 'app://app/alias.js')).toMatchObject({
      ok: true,
      file: path.join(realpathSync(root), 'assets/app.js'),
    });
  });

  it('refuses a link inside the folder that points outside it, to a file or through a folder (403)', async () => {
    // The lexical check alone would serve both: the paths are inside the folder as written.
    expect(resolveAppRequest(root, 'app://app/leak.json')).toMatchObject({ ok: true });
    expect(await resolveAppFile(root, 'app://app/leak.json')).toEqual({ ok: false, status: 403 });
    expect(await resolveAppFile(root, 'app://app/assets/up/id_rsa.json')).toEqual({ ok: false, status: 403 });
  });

  it('refuses what is not a regular file: a folder, a device, a FIFO (403); missing or looping links are 404', async () => {
    expect(await resolveAppFile(root, 'app://app/folder.js')).toEqual({ ok: false, status: 403 });
    expect(await resolveAppFile(root, 'app://app/zero.js')).toEqual({ ok: false, status: 403 });
    if (hasFifo) expect(await resolveAppFile(root, 'app://app/pipe.js')).toEqual({ ok: false, status: 403 });
    expect(await resolveAppFile(root, 'app://app/dangling.js')).toEqual({ ok: false, status: 404 });
    expect(await resolveAppFile(root, 'app://app/loop-a.js')).toEqual({ ok: false, status: 404 });
    expect(await resolveAppFile(root, 'app://app/missing.js')).toEqual({ ok: false, status: 404 });
  });

  it('still refuses what the lexical check refuses, before touching the disk', async () => {
    expect(await resolveAppFile(root, 'app://app/..%2fsecret%2fid_rsa.json')).toEqual({ ok: false, status: 403 });
    expect(await resolveAppFile(root, 'app://evil/index.html')).toEqual({ ok: false, status: 403 });
  });

  it('serves from a folder that is itself reached through a link (a checkout symlinked into place)', async () => {
    const linkedRoot = path.join(base, 'linked-renderer');
    symlinkSync(root, linkedRoot);
    expect(await resolveAppFile(linkedRoot, 'app://app/assets/app.js')).toMatchObject({ ok: true });
    expect(await resolveAppFile(linkedRoot, 'app://app/leak.json')).toEqual({ ok: false, status: 403 });
  });

  it('the protocol handler answers with the check: 403 for the outside link, the bytes for a file', async () => {
    const handlers: ((request: Request) => Promise<Response>)[] = [];
    vi.doMock('electron', () => ({
      protocol: { handle: (_scheme: string, h: (request: Request) => Promise<Response>) => handlers.push(h) },
    }));
    const { serveRenderer } = await import('../../../../src-main/electron/protocol');
    serveRenderer(root, "default-src 'self'");
    const handle = handlers[0];
    if (!handle) throw new Error('serveRenderer registered no handler');
    expect((await handle(new Request('app://app/leak.json'))).status).toBe(403);
    expect((await handle(new Request('app://app/pipe.js'))).status).toBe(hasFifo ? 403 : 404);
    const ok = await handle(new Request('app://app/assets/app.js'));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('export {}');
    vi.doUnmock('electron');
  });
});
