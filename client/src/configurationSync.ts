/**
 * Makes sure the server hears about `reportLens` setting changes exactly once.
 *
 * vscode-languageclient 11 deprecates `synchronize.configurationSection`.
 * The recommended way is for the server to register for
 * `workspace/didChangeConfiguration` dynamically (section `reportLens`); the
 * library then sends the notification itself. If the server has not
 * registered, the client sends `{ settings: null }` instead, since the server
 * pulls the values per resource with `workspace/configuration` anyway.
 *
 * A change of `reportLens.languages` replaces the client (ServerController).
 * The library's own listener still tries to tell the old one, which is being
 * disposed at that moment, and reports the failure as an error notification
 * ("Sending notification workspace/didChangeConfiguration failed"). The
 * middleware below skips a client that is about to be replaced (the new
 * server pulls fresh settings when it starts) and keeps a failure on a
 * client that stopped meanwhile out of the user's sight.
 */
import type * as vscode from 'vscode';
import {
  CancellationToken,
  DidChangeConfigurationNotification,
  State,
  type LanguageClient,
  type Middleware,
} from 'vscode-languageclient/node';
import { explicitSection, SECTION } from './config';

export class ConfigurationSync {
  private readonly serverRegistrations = new Set<string>();

  /**
   * @param isCurrent whether the client this object belongs to is still the one that serves the
   *   current settings (false once a settings change means it is replaced)
   * @param log where an expected failure is written, at debug level
   */
  constructor(
    private readonly isCurrent: () => boolean,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Goes into the client's options; sees the server's (un)registrations. */
  readonly middleware: Middleware = {
    handleRegisterCapability: async (params, next) => {
      await next(params, CancellationToken.None);
      for (const { id, method } of params.registrations) {
        if (method === DidChangeConfigurationNotification.method) {
          this.serverRegistrations.add(id);
        }
      }
    },
    handleUnregisterCapability: async (params, next) => {
      await next(params, CancellationToken.None);
      for (const { id } of params.unregisterations) {
        this.serverRegistrations.delete(id);
      }
    },
    workspace: {
      // Only what the user set goes to the server, which lays it over the project's report-lens.json.
      configuration: async (params, token, next) => {
        const answer = await next(params, token);
        if (!Array.isArray(answer)) return answer;
        return params.items.map((item, i) => (item.section === SECTION ? explicitSection(item.scopeUri) : (answer as unknown[])[i]));
      },
      didChangeConfiguration: async (sections, next) => {
        if (!this.isCurrent()) return;
        try {
          await next(sections);
        } catch (error) {
          // Replaced or stopped while the notification was on its way: nothing to tell the user.
          if (this.isCurrent()) throw error;
          this.log.debug(error instanceof Error ? error.message : String(error));
        }
      },
    },
  };

  /** A restarted server starts with no registrations; forget the previous process's. */
  attach(client: LanguageClient): vscode.Disposable {
    return client.onDidChangeState(({ newState }) => {
      if (newState === State.Starting) {
        this.serverRegistrations.clear();
      }
    });
  }

  /** Call on every `reportLens` change while `client` is running. */
  notify(client: LanguageClient, log: vscode.LogOutputChannel): void {
    if (this.serverRegistrations.size > 0) {
      return;
    }
    client
      .sendNotification(DidChangeConfigurationNotification.type, { settings: null })
      .catch((error: unknown) => log.warn(error instanceof Error ? error.message : String(error)));
  }
}
