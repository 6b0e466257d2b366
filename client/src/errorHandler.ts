/**
 * Connects the pure RestartPolicy to vscode-languageclient's ErrorHandler and
 * to the notifications the user sees. Every result is marked `handled`, so the
 * library only logs its message instead of popping up its own (English)
 * notification next to ours.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
} from 'vscode-languageclient/node';
import { labels, logLines, messages } from './l10n';
import type { RestartPolicy } from './restartPolicy';

export interface RecoveryActions {
  showOutput(): void;
  /** A user-requested restart (the notification's button). */
  restart(): void;
}

/**
 * Create one per LanguageClient instance, sharing the session's policy, so
 * the crash budget spans restarts while the shutdown guard stays per client.
 * `isRunning` reports that client's state; the library asks `closed()` before
 * it changes the state, so it tells a crash from a failed start.
 */
export function createErrorHandler(
  policy: RestartPolicy,
  actions: RecoveryActions,
  isRunning: () => boolean,
): ErrorHandler {
  // The library keeps reporting errors while it shuts the client down; offer recovery once.
  let shutdownOffered = false;
  return {
    error(error, _message, count): ErrorHandlerResult {
      if (policy.onError(error, count) === 'continue') {
        return { action: ErrorAction.Continue, handled: true };
      }
      const message = messages.shutDownAfterErrors();
      if (!shutdownOffered) {
        shutdownOffered = true;
        void offerRecovery(message, actions);
      }
      return { action: ErrorAction.Shutdown, message, handled: true };
    },
    closed(): CloseHandlerResult {
      const decision = policy.onClosed({ wasRunning: isRunning() });
      if (decision.action === 'startupFailed') {
        // The failed start() reports this to the user already.
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      if (decision.action === 'restart') {
        if (decision.notifyUser) {
          void notifyRestarted(actions);
        }
        const message = logLines.restartingAfterCrash(decision.crashesInWindow, policy.windowMs);
        return { action: CloseAction.Restart, message, handled: true };
      }
      const message = messages.gaveUpAfterCrashes(decision.crashesInWindow, policy.windowMs);
      void offerRecovery(message, actions);
      return { action: CloseAction.DoNotRestart, message, handled: true };
    },
  };
}

async function notifyRestarted(actions: RecoveryActions): Promise<void> {
  const showOutput = labels.showOutput();
  const choice = await vscode.window.showWarningMessage(messages.restartedAfterCrash(), showOutput);
  if (choice === showOutput) {
    actions.showOutput();
  }
}

async function offerRecovery(message: string, actions: RecoveryActions): Promise<void> {
  const showOutput = labels.showOutput();
  const restart = labels.restart();
  const choice = await vscode.window.showErrorMessage(message, showOutput, restart);
  if (choice === showOutput) {
    actions.showOutput();
  } else if (choice === restart) {
    actions.restart();
  }
}
