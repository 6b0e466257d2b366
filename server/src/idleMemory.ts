import { setFlagsFromString, getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Gives memory back once the editor goes quiet. Every edit of a large report replaces its model,
 * and V8 lets the old ones pile up until the heap nears its limit: after 100 edits of a 16 MB
 * report the server held about 1 GB, of which under 300 MB was alive. Nothing in V8 collects a
 * heap that has stopped growing, so the memory stays taken for as long as the window is open.
 *
 * After `idleMs` without a message from the client, if the heap has grown well past what was alive
 * after the last collection, one full collection runs. It pauses the server (about 0.2 s at
 * 16 MB), which is why it waits for a quiet moment, and why small growth is left alone.
 */
export class IdleCollector {
  /** The heap may grow by this much (or by half of what was alive, if more) before a quiet moment collects it. */
  static readonly MIN_GROWTH = 64 * 1024 * 1024;
  static readonly IDLE_MS = 2000;

  private timer: ReturnType<typeof setTimeout> | undefined;
  private threshold: number;

  constructor(
    private readonly collect: () => void,
    private readonly heapUsed: () => number,
    private readonly idleMs = IdleCollector.IDLE_MS,
    private readonly clock: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis,
  ) {
    this.threshold = heapUsed() + IdleCollector.MIN_GROWTH;
  }

  /** The collector for this process, or undefined when the engine does not let us collect. */
  static forThisProcess(): IdleCollector | undefined {
    const gc = engineCollector();
    return gc && new IdleCollector(gc, () => getHeapStatistics().used_heap_size);
  }

  /** A message came: the quiet moment starts again. */
  activity(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => this.quiet(), this.idleMs);
    // A pending collection must not keep the process alive once the client is gone.
    (this.timer as { unref?: () => void }).unref?.();
  }

  private quiet(): void {
    this.timer = undefined;
    if (this.heapUsed() < this.threshold) return;
    this.collect();
    const alive = this.heapUsed();
    this.threshold = alive + Math.max(IdleCollector.MIN_GROWTH, alive / 2);
  }
}

/**
 * V8's full collection, without starting Node with --expose-gc (an editor other than VS Code
 * starts the server with its own command line): the flag set at run time exposes `gc` in contexts
 * made after it. Undefined if the engine refuses.
 */
export function engineCollector(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? () => void (gc as () => unknown)() : undefined;
  } catch {
    return undefined;
  }
}
