/**
 * The `reportLens.*` values the user actually set (in user, workspace or folder settings), without
 * the defaults package.json declares. The server puts these over the project's report-lens.json:
 * were the defaults sent too, every default would silently override what the team's file says.
 * No `vscode` import here, so that the unit tests can run it.
 */

/** What `WorkspaceConfiguration.inspect(key)` reports, the parts read here. */
export interface Inspected {
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
  /** Set in a language block ("[markdown]": { … }) at each scope; inspect() gives them when asked with a language. */
  readonly globalLanguageValue?: unknown;
  readonly workspaceLanguageValue?: unknown;
  readonly workspaceFolderLanguageValue?: unknown;
}

/**
 * `keys` are the section's own keys (`maxFileSize`, `checks.rate-mismatch`); the result is nested
 * as `workspace/configuration` answers (`{ checks: { 'rate-mismatch': 'off' } }`). The narrowest
 * scope wins, as in VS Code: folder over workspace over user, and a language block over all three.
 */
export function explicitSettings(keys: readonly string[], inspect: (key: string) => Inspected | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const inspected = inspect(key);
    // As VS Code resolves them: a language-specific value wins over any value without a language,
    // whatever their scopes; within each kind the narrowest scope wins.
    const value =
      inspected?.workspaceFolderLanguageValue ??
      inspected?.workspaceLanguageValue ??
      inspected?.globalLanguageValue ??
      inspected?.workspaceFolderValue ??
      inspected?.workspaceValue ??
      inspected?.globalValue;
    if (value !== undefined) setPath(out, key.split('.'), value);
  }
  return out;
}

function setPath(target: Record<string, unknown>, parts: readonly string[], value: unknown): void {
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

/** The section's keys from package.json's `contributes.configuration` (`reportLens.checks.x` → `checks.x`). */
export function sectionKeys(packageJson: unknown, section: string): string[] {
  const contributes = (packageJson as { contributes?: { configuration?: { properties?: Record<string, unknown> } } } | undefined)?.contributes;
  const properties = contributes?.configuration?.properties ?? {};
  return Object.keys(properties)
    .filter((key) => key.startsWith(`${section}.`))
    .map((key) => key.slice(section.length + 1));
}
