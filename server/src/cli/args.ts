/** Command-line parsing for `report-lens`: small enough not to need a library. */
import { DEFAULT_SETTINGS } from '../core/settings';
export type Format = 'text' | 'json';

export interface ParsedArgs {
  readonly command: string | undefined;
  readonly files: readonly string[];
  readonly format: string | undefined;
  /** Largest input file read, in bytes: --max-file-size, else reportLens.maxFileSize's default. */
  readonly maxFileSize: number;
  /** Whether --max-file-size was given (it then wins over the project configuration). */
  readonly maxFileSizeGiven: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  let command: string | undefined;
  let format: string | undefined;
  let help = false;
  let version = false;
  let maxFileSize = DEFAULT_SETTINGS.maxFileSize;
  let maxFileSizeGiven = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--version' || arg === '-v') version = true;
    else if (arg === '--format' || arg === '-f') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError('--format needs a value');
      format = value;
    } else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg === MAX_FILE_SIZE) (maxFileSize = parseSize(argv[++i])), (maxFileSizeGiven = true);
    else if (arg.startsWith(`${MAX_FILE_SIZE}=`)) (maxFileSize = parseSize(arg.slice(MAX_FILE_SIZE.length + 1))), (maxFileSizeGiven = true);
    else if (arg === '--') files.push(...argv.slice(i + 1)), (i = argv.length);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else if (command === undefined) command = arg;
    else files.push(arg);
  }
  return { command, files, format, help, version, maxFileSize, maxFileSizeGiven };
}

export const MAX_FILE_SIZE = '--max-file-size';

/** Options of every command that take the next argument as their value. */
export const VALUE_OPTIONS: readonly string[] = ['--format', '-f', MAX_FILE_SIZE];

function parseSize(value: string | undefined): number {
  if (value === undefined) throw new UsageError(`${MAX_FILE_SIZE} needs a value`);
  if (!/^\d{1,15}$/.test(value)) throw new UsageError(`${MAX_FILE_SIZE} expects a number of bytes (got "${value}")`);
  return Number(value);
}

export function checkFormat(format: string | undefined, allowed: readonly string[]): string {
  const chosen = format ?? allowed[0]!;
  if (!allowed.includes(chosen)) throw new UsageError(`unknown format "${chosen}" (expected ${allowed.join(', ')})`);
  return chosen;
}
