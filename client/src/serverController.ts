/**
 * Owns the LanguageClient's lifecycle. A restart always builds a fresh client,
 * because a client that failed to start cannot be started again and the
 * document selector is fixed at construction. Lifecycle operations run one at
 * a time: a restart from the command racing one from a settings change would
 * otherwise stop a client that is still starting, which the library rejects.
 */
import type * as vscode from 'vscode';
import { State, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import * as config from './config';
import type { ReportLanguage } from './config';
import { ConfigurationSync } from './configurationSync';
import { logLines } from './l10n';
import { effectiveLanguages } from './serverLauncher';

/** `middleware` must be passed into the client's options. */
export type ClientFactory = (languages: readonly ReportLanguage[], middleware: Middleware) => LanguageClient;

interface ActiveClient {
  readonly client: LanguageClient;
  /** Sorted effective languages, to tell whether a settings change needs a new client. */
  readonly languagesKey: string;
  readonly configurationSync: ConfigurationSync;
  readonly subscription: vscode.Disposable;
}

export class ServerController {
  private active: ActiveClient | undefined;
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly createClient: ClientFactory,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The running client, for requests of the status bar; undefined while none runs. */
  get runningClient(): LanguageClient | undefined {
    return this.active?.client.isRunning() === true ? this.active.client : undefined;
  }

  /** Starts a client unless one is already starting or running. Rejects if the server fails to start. */
  start(): Promise<void> {
    return this.enqueue(async () => {
      if (this.active?.client.needsStop() !== true) {
        await this.replaceClient();
      }
    });
  }

  /** Stops whatever is there (running, starting, failed or nothing) and starts anew. */
  restart(): Promise<void> {
    return this.enqueue(() => this.replaceClient());
  }

  /**
   * Reacts to a change of any `reportLens` setting: a different set of
   * document languages needs a new client (the selector is fixed at
   * construction, and the new server pulls fresh settings anyway); anything
   * else only needs the server told, so it re-pulls its settings.
   */
  onSettingsChanged(): Promise<void> {
    return this.enqueue(async () => {
      const languages = effectiveLanguages(config.languages());
      if (this.active !== undefined && languagesKey(languages) !== this.active.languagesKey) {
        this.log.info(logLines.languagesChanged(languages));
        await this.replaceClient();
      } else {
        this.notifyConfigurationChanged();
      }
    });
  }

  /** Stops the server for good; later start/restart calls are ignored. */
  dispose(): Promise<void> {
    this.disposed = true;
    return this.enqueue(() => this.stopClient());
  }

  private notifyConfigurationChanged(): void {
    // Neither a stopped nor a failed client has a server to tell.
    if (this.active?.client.isRunning() === true) {
      this.active.configurationSync.notify(this.active.client, this.log);
    }
  }

  private async replaceClient(): Promise<void> {
    await this.stopClient();
    if (this.disposed) {
      return;
    }
    const configured = config.languages();
    const key = languagesKey(effectiveLanguages(configured));
    // Read at the time of a settings event: a new set of languages means this client is on its way out.
    const isCurrent = (): boolean => this.active?.client === client && languagesKey(effectiveLanguages(config.languages())) === key;
    const configurationSync = new ConfigurationSync(isCurrent, this.log);
    const client: LanguageClient = this.createClient(configured, configurationSync.middleware);
    this.active = {
      client,
      languagesKey: key,
      configurationSync,
      subscription: configurationSync.attach(client),
    };
    await client.start();
  }

  private async stopClient(): Promise<void> {
    const active = this.active;
    this.active = undefined;
    if (active === undefined) {
      return;
    }
    active.subscription.dispose();
    const { client } = active;
    if (client.state === State.Starting) {
      // stop() rejects while starting; let the pending start settle first.
      await client.start().catch(() => undefined);
    }
    try {
      // dispose() rather than stop(): it also stops the library from auto-restarting this instance.
      await client.dispose();
    } catch (error) {
      // Expected for a client whose start failed: there is nothing left to stop.
      this.log.debug(describe(error));
    }
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

function languagesKey(languages: readonly ReportLanguage[]): string {
  return [...languages].sort().join(',');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
