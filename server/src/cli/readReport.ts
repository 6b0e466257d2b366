import { readFileSync } from 'node:fs';
import { withoutBom } from '../core/text/chars';

export class ReadError extends Error {}

/**
 * Reads a report as the editor would show it: UTF-8 with the BOM removed
 * (VS Code drops it too, so positions agree with the server's).
 */
export function readReport(file: string): string {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
    throw new ReadError(`cannot read ${file}: ${reason}`);
  }
  return withoutBom(text);
}
