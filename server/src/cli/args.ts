/** Command-line parsing for `report-lens`: small enough not to need a library. */
export type Format = 'text' | 'json';

export interface ParsedArgs {
  readonly command: string | undefined;
  readonly files: readonly string[];
  readonly format: string | undefined;
  readonly help: boolean;
  readonly version: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  let command: string | undefined;
  let format: string | undefined;
  let help = false;
  let version = false;
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
    else if (arg === '--') files.push(...argv.slice(i + 1)), (i = argv.length);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else if (command === undefined) command = arg;
    else files.push(arg);
  }
  return { command, files, format, help, version };
}

export function checkFormat(format: string | undefined, allowed: readonly string[]): string {
  const chosen = format ?? allowed[0]!;
  if (!allowed.includes(chosen)) throw new UsageError(`unknown format "${chosen}" (expected ${allowed.join(', ')})`);
  return chosen;
}
