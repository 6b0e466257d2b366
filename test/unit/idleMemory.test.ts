import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getHeapStatistics } from 'node:v8';
import { engineCollector, IdleCollector } from '../../server/src/idleMemory';

const MB = 1024 * 1024;

/** A clock the test advances by hand, and a heap whose size the test sets. */
function harness(startHeap: number) {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  const heap: { used: number; alive?: number } = { used: startHeap };
  const collections: number[] = [];
  const clock = {
    setTimeout: ((run: () => void, ms: number) => {
      const id = nextId++;
      timers.push({ at: now + ms, run, id });
      return id;
    }) as unknown as typeof setTimeout,
    clearTimeout: ((id: number) => void (timers = timers.filter((t) => t.id !== id))) as unknown as typeof clearTimeout,
  };
  const collector = new IdleCollector(
    () => {
      collections.push(now);
      heap.used = heap.alive ?? heap.used;
    },
    () => heap.used,
    2000,
    clock,
  );
  const advance = (ms: number): void => {
    now += ms;
    for (const due of timers.filter((t) => t.at <= now)) {
      timers = timers.filter((t) => t !== due);
      due.run();
    }
  };
  return { collector, heap, collections, advance };
}

describe('idle memory collector', () => {
  test('a heap grown well past what was alive is collected once the client has been quiet for 2 s', () => {
    const { collector, heap, collections, advance } = harness(50 * MB);
    heap.used = 900 * MB; // a hundred edits of a large report: old models piled up
    heap.alive = 280 * MB;
    collector.activity();
    advance(1999);
    assert.deepEqual(collections, [], 'not while the user may still be typing');
    advance(1);
    assert.deepEqual(collections, [2000]);
    // Grown by less than half of what was alive since: left alone.
    heap.used = 380 * MB;
    collector.activity();
    advance(5000);
    assert.equal(collections.length, 1);
  });

  test('messages that keep coming put the collection off; small growth never triggers it', () => {
    const { collector, heap, collections, advance } = harness(50 * MB);
    heap.used = 600 * MB;
    heap.alive = 100 * MB;
    for (let i = 0; i < 20; i++) {
      collector.activity();
      advance(500);
    }
    assert.deepEqual(collections, [], 'a message every 0.5 s: never quiet');
    advance(1500);
    assert.equal(collections.length, 1);

    const small = harness(50 * MB);
    small.heap.used = 50 * MB + 60 * MB; // under the 64 MB floor of growth
    small.collector.activity();
    small.advance(10_000);
    assert.deepEqual(small.collections, []);
  });

  test('this process gets a collector that frees memory, without --expose-gc on its command line', () => {
    assert.ok(IdleCollector.forThisProcess(), 'the engine lets the server collect');
    const collect = engineCollector();
    assert.ok(collect);
    // 80 MB of old models nobody refers to any more: the collection gives it back.
    let garbage: number[][] | undefined = Array.from({ length: 100 }, () => new Array<number>(100_000).fill(1.5));
    const withGarbage = getHeapStatistics().used_heap_size;
    garbage = undefined;
    collect();
    assert.equal(garbage, undefined);
    assert.ok(withGarbage - getHeapStatistics().used_heap_size > 40 * MB, 'most of the unreachable memory is freed');
    assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined', 'nothing is added to the global scope');
  });
});
