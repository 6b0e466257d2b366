import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { withoutBom } from '../core/text/chars';
import { DocxError, extractDocx, isDocx, type DocxText } from '../docx/extract';

export class ReadError extends Error {}

/** A file over the size limit (a ReadError, so every command reports it like an unreadable file). */
export class TooLargeError extends ReadError {}

/** Something to wait on for a synchronous pause (Atomics.wait times out: nothing ever notifies it). */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** Bytes read at a time: the size is checked after each read, so a file that grows is caught too. */
const CHUNK = 1 << 20;

/**
 * Reads a report as the editor would show it: UTF-8 with the BOM removed
 * (VS Code drops it too, so positions agree with the server's). Only a regular
 * file (or stdin for `-`) of at most `limit` bytes is read: /dev/zero or a FIFO
 * would otherwise be read forever, or hang.
 */
export function readReport(file: string, limit: number): string {
  if (isDocx(file)) return docxText(file).text;
  return withoutBom(readBounded(file, limit));
}

/**
 * Word documents read for this run. mammoth reads a .docx asynchronously, while the commands read
 * their files synchronously: the CLI's entry point extracts every .docx named on the command line
 * first (readDocuments), and the commands then find the text here.
 */
let documents: ReadonlyMap<string, DocxText | ReadError> = new Map();

/** Runs `body` with these documents read; they are forgotten afterwards. */
export function withDocuments<T>(read: ReadonlyMap<string, DocxText | ReadError>, body: () => T): T {
  const before = documents;
  documents = read;
  try {
    return body();
  } finally {
    documents = before;
  }
}

/** The text of a .docx named on the command line, or why it could not be read. */
export function docxText(file: string): DocxText {
  const found = documents.get(file);
  if (found instanceof ReadError) throw found;
  if (!found) throw new ReadError(`cannot read ${file}: a Word document is read by the CLI's entry point (runCli)`);
  return found;
}

/** Reads and extracts these .docx files (each at most `limitOf(file)` bytes, before and after unpacking). */
export async function readDocuments(files: readonly string[], limitOf: (file: string) => number): Promise<Map<string, DocxText | ReadError>> {
  const read = new Map<string, DocxText | ReadError>();
  for (const file of files) {
    if (!isDocx(file) || read.has(file)) continue;
    const limit = limitOf(file);
    try {
      read.set(file, await extractDocx(readBoundedBytes(file, limit), limit));
    } catch (error) {
      if (error instanceof ReadError) read.set(file, error);
      else if (error instanceof DocxError) read.set(file, new ReadError(`cannot read ${file}: ${error.message}`));
      // Anything else (a document nested past the stack, say) is still that file's problem, not the run's.
      else read.set(file, new ReadError(`cannot read ${file}: it could not be read as a Word document (${String(error)})`));
    }
  }
  return read;
}

/**
 * The UTF-8 text of a regular file (or of stdin for `-`) of at most `limit` bytes, checked before
 * reading (its size) and while reading (what was read, for a file that grows or a pipe). Opened
 * without blocking, so that a FIFO with no writer does not hang the open itself.
 */
export function readBounded(file: string, limit: number): string {
  return readBoundedBytes(file, limit).toString('utf8');
}

/** The bytes of a regular file (or of stdin for `-`) of at most `limit` bytes, bounded as readBounded. */
export function readBoundedBytes(file: string, limit: number): Buffer {
  let fd: number;
  try {
    fd = file === '-' ? 0 : openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new ReadError(`cannot read ${file}: ${reasonOf(error)}`);
  }
  try {
    let expected = 0;
    if (file !== '-') {
      const stat = fstatSync(fd);
      if (!stat.isFile()) throw new ReadError(`cannot read ${file}: not a regular file`);
      if (stat.size > limit) throw tooLarge(file, stat.size, limit);
      expected = stat.size;
    }
    return readAll(fd, file, limit, expected);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/**
 * Reads to the end. `expected` (a regular file's size) sizes the first buffer: the file is read in
 * one call and its end seen in the next, where 1 MB chunks cost two 1 MB allocations per small report.
 */
function readAll(fd: number, file: string, limit: number, expected = 0): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const size = total === 0 && expected > 0 ? expected + 1 : CHUNK;
    const buffer = Buffer.allocUnsafe(Math.min(size, limit - total + 1));
    let read: number;
    try {
      read = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      // stdin in non-blocking mode (a terminal, some pipes) has nothing yet: wait a little, without spinning.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(PAUSE, 0, 0, 10);
        continue;
      }
      throw new ReadError(`cannot read ${file}: ${reasonOf(error)}`);
    }
    if (read === 0) break;
    total += read;
    if (total > limit) throw tooLarge(file, total, limit, true);
    chunks.push(buffer.subarray(0, read));
  }
  // One read (the usual case): its bytes as they are, not copied again.
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

function tooLarge(file: string, size: number, limit: number, atLeast = false): TooLargeError {
  return new TooLargeError(`cannot read ${file}: it is ${atLeast ? 'more than ' : ''}${size} bytes, larger than the limit of ${limit} bytes (reportLens.maxFileSize; change it with --max-file-size BYTES)`);
}

function reasonOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
}

/** Whether anything (a file, a folder, a dangling symlink) is at `file`, without following a symlink. */
export function pathExists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
