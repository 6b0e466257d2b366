import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export interface Logger {
  error(message: string): void;
  info(message: string): void;
}

/**
 * Runs a request handler so that nothing it does can take the server down:
 * an exception is logged and answered with `fallback`, and a request the
 * client cancelled is answered with the LSP cancellation error.
 */
export async function runSafe<T>(logger: Logger, what: string, fallback: T, token: CancellationToken | undefined, handler: () => T | Promise<T>): Promise<T | ResponseError<void>> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = await handler();
    return token?.isCancellationRequested ? cancelled() : result;
  } catch (error) {
    logger.error(`${what} failed: ${describe(error)}`);
    return fallback;
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

export function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
