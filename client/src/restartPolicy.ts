/**
 * Decides what happens when the connection to the language server errors or
 * closes. Pure logic with an injectable clock and no `vscode` (or
 * `vscode-languageclient`) import, so it can be unit-tested under plain Node;
 * errorHandler.ts turns its decisions into the language client's actions and
 * the messages the user sees.
 *
 * Public API:
 *   new RestartPolicy({ maxCrashes?, windowMs?, maxConsecutiveErrors?, clock? })
 *   policy.onError(error, count)   -> 'continue' | 'shutdown'
 *   policy.onClosed({ wasRunning }) -> { action: 'restart', notifyUser, crashesInWindow }
 *                                    | { action: 'giveUp', crashesInWindow }
 *                                    | { action: 'startupFailed' }
 *   policy.reset()                  forgets past crashes (call on a manual restart)
 *   isDeadChannelError(error)       the test onError applies to `error`
 *   isFailureOfTheStop(running, error) whether a failed request is the stop's doing
 *
 * Rules (defaults in brackets):
 * - A connection error is tolerated while the library's consecutive-error
 *   `count` is at most `maxConsecutiveErrors` [3]. (vscode-jsonrpc's IPC
 *   writer adds 2 per failed write, so in practice that is one failure.) The
 *   count is `undefined` for read errors; those are tolerated because a
 *   broken stream also closes the connection, which the rules below handle.
 * - Writes to a server process that has already died (closed IPC channel,
 *   broken pipe) are always tolerated: the close event follows and decides.
 *   Shutting down on them would pre-empt that decision, because
 *   vscode-languageclient skips `closed()` for a client it is stopping, so a
 *   crash with messages in flight would never be restarted.
 * - A close before the server finished initializing (`wasRunning: false`) is
 *   `startupFailed`: restarting a server that cannot start only repeats the
 *   failure, which the library reports itself. It is not counted as a crash.
 * - Any other close is a crash. Counting the current one, if fewer than
 *   `maxCrashes` [5] crashes happened in the last `windowMs` [3 minutes], the
 *   server is restarted; otherwise the policy gives up (so the 5th crash
 *   within 3 minutes is final).
 * - `notifyUser` is true only for the first restart of the policy's lifetime
 *   (one policy per extension session), so a flaky server does not nag;
 *   `reset()` deliberately keeps it that way.
 */

/** Milliseconds from an arbitrary origin; only differences are used. */
export type Clock = () => number;

export interface RestartPolicyOptions {
  readonly maxCrashes?: number;
  readonly windowMs?: number;
  readonly maxConsecutiveErrors?: number;
  readonly clock?: Clock;
}

export interface CloseContext {
  /** Whether the server had completed `initialize` before the connection closed. */
  readonly wasRunning: boolean;
}

export type ErrorDecision = 'continue' | 'shutdown';

export type CloseDecision =
  | { readonly action: 'restart'; readonly notifyUser: boolean; readonly crashesInWindow: number }
  | { readonly action: 'giveUp'; readonly crashesInWindow: number }
  | { readonly action: 'startupFailed' };

export const DEFAULT_MAX_CRASHES = 5;
export const DEFAULT_WINDOW_MS = 3 * 60 * 1000;
export const DEFAULT_MAX_CONSECUTIVE_ERRORS = 3;

// Monotonic, so a wall-clock adjustment cannot make old crashes look recent.
const monotonicClock: Clock = () => performance.now();

// Node's codes for writing to a child process or stream whose other end is gone.
const DEAD_CHANNEL_CODES: ReadonlySet<unknown> = new Set(['ERR_IPC_CHANNEL_CLOSED', 'EPIPE', 'ERR_STREAM_DESTROYED']);

export class RestartPolicy {
  readonly maxCrashes: number;
  readonly windowMs: number;
  readonly maxConsecutiveErrors: number;
  private readonly clock: Clock;
  private crashTimes: number[] = [];
  private userNotified = false;

  constructor(options: RestartPolicyOptions = {}) {
    this.maxCrashes = requireInteger('maxCrashes', options.maxCrashes ?? DEFAULT_MAX_CRASHES, 1);
    this.windowMs = requirePositive('windowMs', options.windowMs ?? DEFAULT_WINDOW_MS);
    this.maxConsecutiveErrors = requireInteger(
      'maxConsecutiveErrors',
      options.maxConsecutiveErrors ?? DEFAULT_MAX_CONSECUTIVE_ERRORS,
      0,
    );
    this.clock = options.clock ?? monotonicClock;
  }

  /** `count` is the library's consecutive-error count (undefined for read errors). */
  onError(error: unknown, count: number | undefined): ErrorDecision {
    if (count === undefined || isDeadChannelError(error)) {
      return 'continue';
    }
    return count <= this.maxConsecutiveErrors ? 'continue' : 'shutdown';
  }

  /** Decides about an unexpected close; a crash is recorded at the current clock time. */
  onClosed(context: CloseContext): CloseDecision {
    if (!context.wasRunning) {
      return { action: 'startupFailed' };
    }
    const now = this.clock();
    this.crashTimes = this.crashTimes.filter((time) => now - time < this.windowMs);
    this.crashTimes.push(now);
    const crashesInWindow = this.crashTimes.length;
    if (crashesInWindow >= this.maxCrashes) {
      return { action: 'giveUp', crashesInWindow };
    }
    const notifyUser = !this.userNotified;
    this.userNotified = true;
    return { action: 'restart', notifyUser, crashesInWindow };
  }

  /** Forgets past crashes; the once-per-session notification stays spent. */
  reset(): void {
    this.crashTimes = [];
  }
}

/**
 * Answers that a stop causes: JSON-RPC's InvalidRequest (what the server answers a request that
 * arrives after `shutdown`) and vscode-jsonrpc's write and read errors (the stream closed under the
 * request). The library itself already passes over a pending request the connection dropped.
 */
const STOP_CODES: ReadonlySet<number> = new Set([-32600, -32099, -32098]);

/**
 * A request that fails while the client is not running was caught by a stop: either the
 * connection was gone (an error without a JSON-RPC code, or a write or read error) or the request
 * reached the server after the stop's `shutdown`, which the protocol says to refuse with
 * InvalidRequest. Neither is a fault to show. Any other answer from the server (a code it chose)
 * stays a failure.
 */
export function isFailureOfTheStop(running: boolean, error: unknown): boolean {
  if (running) return false;
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code !== 'number' || STOP_CODES.has(code);
}

export function isDeadChannelError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) {
    return false;
  }
  return DEAD_CHANNEL_CODES.has(error.code);
}

function requirePositive(name: string, value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a positive finite number, got ${value}`);
  }
  return value;
}

function requireInteger(name: string, value: number, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be an integer >= ${minimum}, got ${value}`);
  }
  return value;
}
