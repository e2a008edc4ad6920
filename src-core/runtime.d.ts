// src-core is compiled without DOM or Node typings so that nothing runtime-specific creeps in.
// These are the few web-standard globals it may use; both Node >= 20 and browsers provide them.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  /** With `stream`, a character split between two chunks is kept until the next (reading a file a chunk at a time). */
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(input: string, destination: Uint8Array): { read: number; written: number };
}
/** An opaque Web Crypto key (the seal's HMAC key, imported non-extractable). */
declare interface CryptoKey {
  readonly type: string;
}
declare const crypto: {
  getRandomValues<T extends Uint8Array>(array: T): T;
  subtle: {
    digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
    importKey(
      format: 'raw',
      keyData: Uint8Array,
      algorithm: { name: 'HMAC'; hash: 'SHA-256' },
      extractable: false,
      usages: ('sign' | 'verify')[],
    ): Promise<CryptoKey>;
    sign(algorithm: 'HMAC', key: CryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
    verify(algorithm: 'HMAC', key: CryptoKey, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
  };
};
/** A turn of the event loop later (the workspace service lets replies already posted go first). */
declare function setTimeout(callback: () => void, ms?: number): unknown;
/** A message nobody can be answered for (the workspace service, given one it cannot read an id in). */
declare const console: { error(...data: unknown[]): void; warn(...data: unknown[]): void };
