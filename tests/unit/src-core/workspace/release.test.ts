import { describe, expect, it } from 'vitest';
import { release } from '../../../../src-core/workspace/release';

/** A buffer with ArrayBuffer.prototype.transfer as Chromium and Node 22 have it (Node 20 has none). */
function detachable(length: number): { bytes: Uint8Array; transfers: number[] } {
  const buffer = new ArrayBuffer(length);
  const transfers: number[] = [];
  Object.defineProperty(buffer, 'transfer', { value: (n: number) => (transfers.push(n), new ArrayBuffer(n)) });
  return { bytes: new Uint8Array(buffer), transfers };
}

describe('releasing a snapshot the worker no longer needs', () => {
  it('detaches a whole buffer at once where the runtime can', () => {
    const { bytes, transfers } = detachable(64);
    release(bytes);
    expect(transfers).toEqual([0]);
  });

  it('leaves a view of part of a buffer alone: the rest may be somebody else’s', () => {
    const { bytes, transfers } = detachable(64);
    release(bytes.subarray(8));
    release(new Uint8Array(bytes.buffer, 0, 32));
    expect(transfers).toEqual([]);
  });

  it('does nothing where buffers cannot be detached, and the bytes stay readable', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const buffer = bytes.buffer as ArrayBuffer & { transfer?: unknown };
    if (typeof buffer.transfer === 'function') return; // Node 22 and later: the first test covers it
    release(bytes);
    expect([...bytes]).toEqual([1, 2, 3]);
  });
});
