/** The part of LSP's CancellationToken the core needs; the server passes the real one. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

