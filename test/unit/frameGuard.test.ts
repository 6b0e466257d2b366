import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { contentLength, FrameGuard, MAX_MESSAGE_BYTES } from '../../server/src/frameGuard';

/** Feeds `chunks` through a FrameGuard; what it passed on and why it stopped, if it did. */
function feed(chunks: readonly Buffer[]): { passed: Buffer; corrupt: string | undefined } {
  let corrupt: string | undefined;
  const guard = new FrameGuard((reason) => void (corrupt ??= reason));
  const passed: Buffer[] = [];
  guard.on('data', (data: Buffer) => void passed.push(data));
  for (const chunk of chunks) guard.write(chunk);
  return { passed: Buffer.concat(passed), corrupt };
}

function frame(body: string, extraHeader = ''): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n${extraHeader}\r\n`, 'latin1'), bytes]);
}

describe('frame guard (issue 12, D7)', () => {
  test('well-framed messages pass through byte for byte, however the stream is cut (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 60 }), { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (bodies, cuts, typed) => {
        const stream = Buffer.concat(bodies.map((body) => frame(JSON.stringify({ body }), typed ? 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n' : '')));
        const points = [...new Set(cuts.map((cut) => cut % (stream.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((from, k) => stream.subarray(from, [...points, stream.length][k]));
        const { passed, corrupt } = feed(chunks);
        assert.equal(corrupt, undefined);
        assert.ok(passed.equals(stream));
      }),
      { numRuns: 300 },
    );
  });

  test('headers: Content-Length is required, a non-negative integer, at most MAX_MESSAGE_BYTES; every line is Name: value', () => {
    assert.equal(contentLength('Content-Length: 12'), 12);
    assert.equal(contentLength('content-length:0\r\nContent-Type: x'), 0);
    for (const bad of ['Content-Type: x', 'Content-Length: -5', 'Content-Length: 1e3', `Content-Length: ${MAX_MESSAGE_BYTES + 1}`, 'garbage\r\nContent-Length: 2', 'Content-Length: 99999999999']) {
      assert.equal(typeof contentLength(bad), 'string', bad);
    }
    assert.match(feed([Buffer.from('x'.repeat(9000))]).corrupt ?? '', /no end of headers/);
  });
});
