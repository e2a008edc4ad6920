import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../../src-main/protocol-path';

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
