/**
 * A Buffer's bytes as a plain Uint8Array without copying them: `new Uint8Array(buffer)` copies,
 * which for a workspace of hundreds of MB held it twice in memory while it was being opened. A
 * Buffer that shares its memory with others (Node pools small ones) is copied instead, so that the
 * view never carries unrelated bytes along when its buffer is sent or transferred.
 */
export function bytesOf(buffer: Buffer): Uint8Array {
  return buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
    ? new Uint8Array(buffer.buffer, 0, buffer.byteLength)
    : new Uint8Array(buffer);
}
