import * as realFs from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { FsLike } from '../../src-main/node/workspace/file-store';

/** One file-system call as the store makes it; handle calls carry the path and flags of their open. */
export interface FsCall {
  op:
    | 'open'
    | 'writeFile'
    | 'sync'
    | 'truncate'
    | 'close'
    | 'rename'
    | 'unlink'
    | 'readdir'
    | 'readFile'
    | 'link'
    | 'copyFile'
    | 'mkdir'
    | 'stat';
  path: string;
  flags?: string;
}

export interface Fault {
  when: (call: FsCall) => boolean;
  code: string;
  /** How many matching calls fail before the disk "recovers"; Infinity for never. */
  times: number;
}

export const errno = (code: string, call: FsCall) =>
  Object.assign(new Error(`${code}: simulated failure of ${call.op} ${call.path}`), { code, syscall: call.op, path: call.path });

/**
 * The real file system, except that the calls a fault matches fail as a full disk, a bad sector or
 * a file held by another program would. A failing writeFile first writes half its data, as a disk
 * that fills up mid-write does. `armed` lets a test fail only the operation under test; `calls`
 * records every call and `fired[i]` how many calls faults[i] failed, so a test can assert that each
 * fault it planned was really injected (a fault whose `when` never matches proves nothing).
 */
export function faultyFs(faults: Fault[]): { fs: FsLike; calls: FsCall[]; fired: number[]; arm: (on: boolean) => void } {
  let armed = true;
  const calls: FsCall[] = [];
  const fired = faults.map(() => 0);
  const check = (call: FsCall) => {
    calls.push(call);
    if (!armed) return;
    const i = faults.findIndex((x) => x.times > 0 && x.when(call));
    const f = faults[i];
    if (!f) return;
    f.times--;
    fired[i] = (fired[i] ?? 0) + 1;
    throw errno(f.code, call);
  };
  const wrapHandle = (fh: FileHandle, path: string, flags: string): FileHandle => {
    const call = (op: FsCall['op']): FsCall => ({ op, path, flags });
    return Object.assign(Object.create(Object.getPrototypeOf(fh) as object) as FileHandle, fh, {
      writeFile: async (data: Uint8Array | string) => {
        try {
          check(call('writeFile'));
        } catch (e) {
          const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
          await fh.writeFile(bytes.subarray(0, Math.floor(bytes.length / 2)));
          throw e;
        }
        return fh.writeFile(data);
      },
      sync: async () => (check(call('sync')), fh.sync()),
      truncate: async (n?: number) => (check(call('truncate')), fh.truncate(n)),
      close: async () => {
        try {
          check(call('close'));
        } finally {
          // The descriptor is released either way, as close(2) does even when it reports an error.
          await fh.close();
        }
      },
      read: fh.read.bind(fh),
    });
  };
  const fs: FsLike = {
    ...realFs,
    open: (async (path: string, flags: string = 'r', mode?: number) => {
      check({ op: 'open', path: String(path), flags });
      return wrapHandle(await realFs.open(path, flags, mode), String(path), flags);
    }) as FsLike['open'],
    rename: (async (from: string, to: string) => (check({ op: 'rename', path: String(to) }), realFs.rename(from, to))) as FsLike['rename'],
    unlink: (async (p: string) => (check({ op: 'unlink', path: String(p) }), realFs.unlink(p))) as FsLike['unlink'],
    readdir: (async (p: string) => (check({ op: 'readdir', path: String(p) }), realFs.readdir(p))) as FsLike['readdir'],
    readFile: (async (p: string) => (check({ op: 'readFile', path: String(p) }), realFs.readFile(p))) as FsLike['readFile'],
    link: (async (a: string, b: string) => (check({ op: 'link', path: String(b) }), realFs.link(a, b))) as FsLike['link'],
    copyFile: (async (a: string, b: string) => (check({ op: 'copyFile', path: String(b) }), realFs.copyFile(a, b))) as FsLike['copyFile'],
    mkdir: (async (p: string, o?: Parameters<typeof realFs.mkdir>[1]) => (
      check({ op: 'mkdir', path: String(p) }),
      realFs.mkdir(p, o)
    )) as FsLike['mkdir'],
    stat: (async (p: string) => (check({ op: 'stat', path: String(p) }), realFs.stat(p))) as FsLike['stat'],
  };
  return { fs, calls, fired, arm: (on) => (armed = on) };
}
