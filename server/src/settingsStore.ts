import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, resolveSettings, type ReportSettings } from './core/settings';

/**
 * Settings resolved per resource (a folder may override the user's), pulled
 * with `workspace/configuration` and cached until the client says they changed.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<ReportSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(uri: string): Promise<ReportSettings> {
    if (!this.canPull()) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'reportLens' })
        .then(resolveSettings, () => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
