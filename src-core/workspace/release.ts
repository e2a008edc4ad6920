/**
 * Frees the memory behind bytes nothing needs any more, now, where the runtime can detach a buffer
 * (ArrayBuffer.prototype.transfer: Chromium 114 and later, so Electron's DB worker, and Node 21 and
 * later); elsewhere the garbage collector frees it in its own time. Only a view of a whole buffer:
 * a slice of a larger one may share it with other data. The DB worker releases the snapshot it was
 * sent once sql.js has copied it, which on a workspace of hundreds of MB was otherwise a third copy
 * still held when the next checkpoint exported a fourth.
 */
export function release(bytes: Uint8Array): void {
  const buffer = bytes.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer; detached?: boolean };
  if (!(buffer instanceof ArrayBuffer) || typeof buffer.transfer !== 'function' || buffer.detached === true) return;
  if (bytes.byteOffset !== 0 || bytes.byteLength !== buffer.byteLength) return;
  buffer.transfer(0);
}
