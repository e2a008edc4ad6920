import { describe, expect, it } from 'vitest';
import { bytesOf } from '../../../../src-main/node/bytes';

describe("a file's bytes from fs", () => {
  it('are viewed, not copied, when the Buffer has its memory to itself', () => {
    const buffer = Buffer.allocUnsafeSlow(16).fill(7);
    const bytes = bytesOf(buffer);
    expect(bytes.buffer).toBe(buffer.buffer);
    expect(bytes).toEqual(new Uint8Array(16).fill(7));
    expect(Buffer.isBuffer(bytes)).toBe(false);
  });

  it('are copied out of a pooled Buffer, so that nothing else in the pool goes along', () => {
    const pooled = Buffer.from('abc');
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength);
    const bytes = bytesOf(pooled);
    expect(bytes.buffer.byteLength).toBe(3);
    expect(new TextDecoder().decode(bytes)).toBe('abc');
  });
});
