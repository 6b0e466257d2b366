/**
 * A bounded reader of the zip container of a .docx. mammoth would open the file with jszip, which
 * inflates whatever an entry holds however large it grows, and trusts the sizes the archive declares;
 * a zip bomb of a few kilobytes would then fill memory or keep the CLI and the extension host busy.
 * This reader inflates one entry at a time on request, stops as soon as the bytes inflated so far
 * pass a budget (whatever the archive declares), and reports a damaged or foreign file as a DocxError
 * with a sentence a user can act on.
 */
import type * as Zlib from 'node:zlib';

/** What is wrong with a file, for a message in the user's language (the editor words its own). */
export type DocxProblem = 'not-zip' | 'encrypted' | 'damaged' | 'too-large' | 'not-word' | 'unsupported';

/** Why a .docx could not be read; the message is meant for the user, after "cannot read FILE: ". */
export class DocxError extends Error {
  constructor(
    message: string,
    readonly problem: DocxProblem = 'unsupported',
  ) {
    super(message);
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
/** An end record may be followed by a comment of at most 65,535 bytes. */
const MAX_COMMENT = 0xffff;
/** A Word document has a few dozen parts; a table of contents far longer is not one. */
const MAX_ENTRIES = 10_000;
/** Compound File Binary (OLE): how Word stores a password-protected document, and the old .doc format. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly localOffset: number;
}

export class ZipReader {
  private readonly entries = new Map<string, Entry>();
  private readonly inflated = new Map<string, Uint8Array>();
  private spent = 0;

  /**
   * @param bytes the whole file
   * @param budget the most bytes all entries read may inflate to, together
   */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly budget: number,
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const entry of readDirectory(bytes, view)) this.entries.set(entry.name, entry);
  }

  exists(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes; each is inflated once, and counts once against the budget. */
  read(name: string): Uint8Array {
    const cached = this.inflated.get(name);
    if (cached) return cached;
    const entry = this.entries.get(name);
    if (!entry) throw new DocxError(`the archive has no part ${name}`);
    if (entry.declaredSize > this.budget - this.spent) throw bomb(this.budget);
    const data = this.inflate(entry, this.compressed(entry));
    this.spent += data.byteLength;
    this.inflated.set(name, data);
    return data;
  }

  private compressed(entry: Entry): Uint8Array {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localOffset;
    if (at + 30 > this.bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw damaged();
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.byteLength) throw damaged();
    return this.bytes.subarray(start, end);
  }

  private inflate(entry: Entry, data: Uint8Array): Uint8Array {
    const remaining = this.budget - this.spent;
    if (entry.method === 0) {
      if (data.byteLength > remaining) throw bomb(this.budget);
      return data;
    }
    if (entry.method !== 8) throw new DocxError(`part ${entry.name} uses a compression method Word does not write (${entry.method})`);
    // Loaded here, with the first Word document: every `report-lens` run loaded it before.
    const { inflateRawSync } = require('node:zlib') as typeof Zlib;
    try {
      // maxOutputLength makes zlib stop at the budget instead of after the whole stream.
      return inflateRawSync(data, { maxOutputLength: Math.max(1, remaining) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw bomb(this.budget);
      throw damaged();
    }
  }
}

function readDirectory(bytes: Uint8Array, view: DataView): Entry[] {
  const end = findEndRecord(bytes, view);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new DocxError('it is a ZIP64 archive, which Word does not write for documents of a size Report Lens reads');
  if (count > MAX_ENTRIES) throw new DocxError(`it has ${count} parts, more than a Word document has (at most ${MAX_ENTRIES} are read)`);
  if (offset + size > end) throw damaged();
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw damaged();
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > end) throw damaged();
    if ((flags & 1) !== 0) throw encrypted();
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at = next;
  }
  return entries;
}

/** The end-of-central-directory record, searched from the end past a possible comment. */
function findEndRecord(bytes: Uint8Array, view: DataView): number {
  const last = bytes.byteLength - EOCD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  if (OLE_MAGIC.every((byte, i) => bytes[i] === byte)) throw encrypted();
  if (bytes.byteLength >= 4 && view.getUint32(0, true) === LOCAL_SIGNATURE) throw damaged();
  throw new DocxError('it is not a Word document: a .docx is a zip archive, and this file is not one', 'not-zip');
}

function damaged(): DocxError {
  return new DocxError('the archive is truncated or damaged (Word may be able to repair it: open it and save it again)', 'damaged');
}

function encrypted(): DocxError {
  return new DocxError('it is password-protected (encrypted) or an old binary .doc: remove the password, or save it as .docx, and try again', 'encrypted');
}

function bomb(budget: number): DocxError {
  return new DocxError(`its parts unpack to more than ${budget} bytes (the limit is 5 × reportLens.maxFileSize; change it with --max-file-size BYTES): it is not read, as it may be a zip bomb`, 'too-large');
}
