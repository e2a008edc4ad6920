/**
 * Where the text writers (HTML, Markdown) put a pack, piece by piece. A 50,000-finding pack is over
 * 100 MB of HTML: built as nested joins of strings it took a gigabyte (every section a string, the
 * document another, two bytes a character, then its UTF-8 as well). Written to a Utf8Sink, the
 * text is encoded a megabyte at a time as it is written and only the bytes are kept.
 */
export interface TextSink {
  write(text: string): void;
}

/** The pieces joined into one string at the end (the app's preview, tests). */
export class StringSink implements TextSink {
  private readonly parts: string[] = [];
  write(text: string): void {
    this.parts.push(text);
  }
  toString(): string {
    return this.parts.join('');
  }
}

const ENCODE_EVERY = 1 << 20;
const encoder = new TextEncoder();

/** The pieces encoded to UTF-8 a megabyte of text at a time; bytes() gives the file. */
export class Utf8Sink implements TextSink {
  private pending: string[] = [];
  private pendingLength = 0;
  private encoded: Uint8Array[] = [];
  private size = 0;

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= ENCODE_EVERY) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const bytes = encoder.encode(this.pending.join(''));
    this.encoded.push(bytes);
    this.size += bytes.length;
    this.pending = [];
    this.pendingLength = 0;
  }

  /** The file as the chunks it was encoded in, for a writer that writes them one after another (no copy of the whole). */
  chunks(): readonly Uint8Array[] {
    this.flush();
    return this.encoded;
  }

  bytes(): Uint8Array {
    this.flush();
    if (this.encoded.length === 1) return this.encoded[0] as Uint8Array;
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.encoded) {
      out.set(c, at);
      at += c.length;
    }
    this.encoded = [out];
    return out;
  }
}
