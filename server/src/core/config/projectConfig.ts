/**
 * The project configuration file (`report-lens.json` or `.report-lens.json`): what a team commits
 * next to its reports so that the editor and CI check them the same way. Parsing only; finding
 * and reading the file is the caller's (server/src/project/configFiles.ts).
 */
import { CHECK_CODES, type CheckCode, type CheckSeverity } from '../settings';

/** Looked for in this order in each folder, from the report's folder up. */
export const CONFIG_FILE_NAMES = ['report-lens.json', '.report-lens.json'] as const;
/** Where reviewed findings are kept unless the config says otherwise, relative to the project root. */
export const DEFAULT_REVIEWED_FILE = '.report-lens/reviewed.json';
/** A configuration is a few hundred bytes: anything past this is not one, and is not read. */
export const MAX_CONFIG_BYTES = 256 * 1024;

const SEVERITIES: readonly CheckSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];
const KNOWN_KEYS = ['$schema', 'checks', 'reports', 'glossary', 'reviewedFile', 'maxFileSize'];

export interface ProjectConfig {
  /** Settings in the shape of the `reportLens.*` settings (checks, glossary.files, maxFileSize): merged under the editor's. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Globs (relative to the project root) of the files that are reports; undefined: the default. */
  readonly reports: readonly string[] | undefined;
  /** The reviewed-findings file, relative to the project root. */
  readonly reviewedFile: string;
}

export const EMPTY_CONFIG: ProjectConfig = { settings: {}, reports: undefined, reviewedFile: DEFAULT_REVIEWED_FILE };

/** A parsed configuration and, when something in it was not usable, one sentence saying what (English, technical). */
export interface ParsedConfig {
  readonly config: ProjectConfig;
  readonly problems: readonly string[];
}

/**
 * Reads a configuration. Malformed JSON gives no configuration at all (defaults); a value of the
 * wrong type or an unknown key is left out and named in `problems`, the rest is kept: a typo in one
 * severity must not switch off the team's other settings.
 */
export function parseConfig(text: string): ParsedConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { config: EMPTY_CONFIG, problems: [`not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  if (!isRecord(raw)) return { config: EMPTY_CONFIG, problems: ['expected a JSON object ({ … })'] };
  const problems: string[] = [];
  for (const key of Object.keys(raw)) if (!KNOWN_KEYS.includes(key)) problems.push(`unknown key "${key}" (expected ${KNOWN_KEYS.slice(1).join(', ')})`);
  const settings: Record<string, unknown> = {};
  const checks = readChecks(raw['checks'], problems);
  if (checks) settings['checks'] = checks;
  if (raw['maxFileSize'] !== undefined) {
    const size = raw['maxFileSize'];
    if (typeof size === 'number' && Number.isFinite(size) && size >= 0) settings['maxFileSize'] = size;
    else problems.push('"maxFileSize" must be a number of bytes (0 or more)');
  }
  if (raw['glossary'] !== undefined) {
    const files = isRecord(raw['glossary']) ? raw['glossary']['files'] : undefined;
    if (typeof files === 'string' && files.trim()) settings['glossary'] = { files };
    else problems.push('"glossary" must be an object like { "files": "**/*.glossary.yaml" }');
  }
  let reports: string[] | undefined;
  if (raw['reports'] !== undefined) {
    const value = raw['reports'];
    if (Array.isArray(value) && value.length > 0 && value.every((g) => typeof g === 'string' && g.trim())) reports = value as string[];
    else problems.push('"reports" must be a non-empty list of globs, like ["**/*.report", "docs/**/*.md"]');
  }
  let reviewedFile = DEFAULT_REVIEWED_FILE;
  if (raw['reviewedFile'] !== undefined) {
    const value = raw['reviewedFile'];
    // The project's own file: an absolute path or one leaving the project would let a config write anywhere.
    if (typeof value === 'string' && isInsideRelative(value)) reviewedFile = value;
    else problems.push('"reviewedFile" must be a relative path inside the project, like ".report-lens/reviewed.json"');
  }
  return { config: { settings, reports, reviewedFile }, problems };
}

function readChecks(value: unknown, problems: string[]): Partial<Record<CheckCode, CheckSeverity>> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    problems.push('"checks" must be an object like { "heading-sequence": "off" }');
    return undefined;
  }
  const checks: Partial<Record<CheckCode, CheckSeverity>> = {};
  for (const [code, level] of Object.entries(value)) {
    if (!(CHECK_CODES as readonly string[]).includes(code)) problems.push(`unknown check "${code}" in "checks"`);
    else if (typeof level !== 'string' || !(SEVERITIES as readonly string[]).includes(level)) problems.push(`"checks.${code}" must be one of ${SEVERITIES.join(', ')}`);
    else checks[code as CheckCode] = level as CheckSeverity;
  }
  return checks;
}

/** A '/'- or '\'-separated relative path that never climbs out of its base. */
function isInsideRelative(value: string): boolean {
  if (!value.trim() || /^[\\/]/.test(value) || /^[a-zA-Z]:/.test(value)) return false;
  return !value.split(/[\\/]/).includes('..');
}

/**
 * The settings the core uses, from the configuration file overridden by what the editor says the
 * user set: objects merge key by key (one severity set in the editor keeps the file's others).
 */
export function mergeSettings(base: Readonly<Record<string, unknown>>, over: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  if (!isRecord(over)) return out;
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined || value === null) continue;
    const below = out[key];
    out[key] = isRecord(value) && isRecord(below) ? mergeSettings(below, value) : value;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
