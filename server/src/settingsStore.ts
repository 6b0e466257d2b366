import type { Connection } from 'vscode-languageserver/node';
import { mergeSettings } from './core/config/projectConfig';
import { resolveSettings, type ReportSettings } from './core/settings';

/**
 * Settings resolved per resource (a folder may override the user's), pulled
 * with `workspace/configuration` and cached until the client says they changed.
 * Under them, the project's configuration file (report-lens.json): the client
 * sends only what the user set (the VS Code client strips the defaults), so
 * what the user did not set comes from the file, and what neither sets from
 * the defaults.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<ReportSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    private readonly project: (uri: string) => Readonly<Record<string, unknown>> = () => ({}),
  ) {}

  get(uri: string): Promise<ReportSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      const fromClient: Promise<unknown> = this.canPull() ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'reportLens' }).then(undefined, () => ({})) : Promise.resolve({});
      settings = fromClient.then((raw) => resolveSettings(mergeSettings(this.projectSettings(uri), raw)));
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** A configuration that cannot be read is told by the project store; here it only means none. */
  private projectSettings(uri: string): Readonly<Record<string, unknown>> {
    try {
      return this.project(uri);
    } catch {
      return {};
    }
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
