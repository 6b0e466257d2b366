import { Transform, type TransformCallback } from 'node:stream';

/**
 * The longest message body accepted, in bytes. V8 cannot hold a string longer than 2^29 − 24 UTF-16
 * units, so a larger body could never be decoded; a length past it is a corrupt header, and waiting
 * for that many bytes would stall the server forever.
 */
export const MAX_MESSAGE_BYTES = 512 * 1024 * 1024;

/** Headers are a line or two (Content-Length, Content-Type); this much without a blank line is not LSP. */
const MAX_HEADER_BYTES = 8 * 1024;

const HEADER_END = '\r\n\r\n';

/**
 * Watches the LSP base protocol framing of a byte stream (headers, blank line, Content-Length bytes of
 * body) and passes the bytes through unchanged. vscode-jsonrpc's reader reports a missing
 * Content-Length or a junk header line as an error nobody handles and then waits forever, takes a
 * negative length, and waits for 99999999999 bytes: the server stalls silently. Here a corrupt frame
 * calls `onCorrupt` (which logs and exits, so the client restarts the server) and nothing of it is
 * passed on.
 */
export class FrameGuard extends Transform {
  /** Header bytes read so far (latin1: one character per byte), while between messages. */
  private header = '';
  /** Body bytes still to pass through before the next header. */
  private remaining = 0;
  private corrupt = false;

  constructor(private readonly onCorrupt: (reason: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.corrupt) return callback();
    const reason = this.check(chunk);
    if (reason === undefined) this.push(chunk);
    else {
      this.corrupt = true;
      this.onCorrupt(reason);
    }
    callback();
  }

  /** Follows the framing through `chunk`: undefined while it is sound, else what is wrong. */
  private check(chunk: Buffer): string | undefined {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.remaining > 0) {
        const taken = Math.min(this.remaining, chunk.length - offset);
        offset += taken;
        this.remaining -= taken;
        continue;
      }
      const before = this.header.length;
      const piece = chunk.toString('latin1', offset, Math.min(chunk.length, offset + MAX_HEADER_BYTES));
      const text = this.header + piece;
      const end = text.indexOf(HEADER_END);
      if (end < 0) {
        if (text.length > MAX_HEADER_BYTES) return `no end of headers after ${MAX_HEADER_BYTES} bytes`;
        this.header = text;
        offset += piece.length;
        continue;
      }
      this.header = '';
      offset += end + HEADER_END.length - before;
      const length = contentLength(text.slice(0, end));
      if (typeof length === 'string') return length;
      this.remaining = length;
    }
    return undefined;
  }
}

/** The Content-Length of a header block, or what is wrong with the block. */
export function contentLength(block: string): number | string {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `junk header line ${JSON.stringify(line.slice(0, 80))}`;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,15}$/.test(value)) return `invalid Content-Length ${JSON.stringify(value.slice(0, 40))}`;
    length = Number(value);
    if (length > MAX_MESSAGE_BYTES) return `Content-Length ${length} exceeds ${MAX_MESSAGE_BYTES} bytes`;
  }
  return length ?? `header without Content-Length ${JSON.stringify(block.slice(0, 80))}`;
}
