import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RestartPolicy, isFailureOfTheStop } from '../../client/src/restartPolicy';

function policyAt(): { policy: RestartPolicy; advance(ms: number): void } {
  let now = 0;
  return { policy: new RestartPolicy({ clock: () => now }), advance: (ms) => void (now += ms) };
}

test('a crashed server is restarted and the user is told once, not at every crash', () => {
  const { policy, advance } = policyAt();
  const first = policy.onClosed({ wasRunning: true });
  assert.deepEqual(first, { action: 'restart', notifyUser: true, crashesInWindow: 1 });
  advance(1000);
  const second = policy.onClosed({ wasRunning: true });
  assert.equal(second.action, 'restart');
  assert.equal(second.action === 'restart' && second.notifyUser, false);
});

test('the fifth crash within three minutes gives up; crashes spread out keep restarting', () => {
  const { policy, advance } = policyAt();
  for (let i = 0; i < 4; i++) {
    assert.equal(policy.onClosed({ wasRunning: true }).action, 'restart');
    advance(10_000);
  }
  assert.equal(policy.onClosed({ wasRunning: true }).action, 'giveUp');

  const spread = policyAt();
  for (let i = 0; i < 10; i++) {
    assert.equal(spread.policy.onClosed({ wasRunning: true }).action, 'restart', `crash ${i + 1}`);
    spread.advance(60_000); // at most three in any three-minute window
  }
});

test('a manual restart (reset) gives a fresh crash budget', () => {
  const { policy } = policyAt();
  for (let i = 0; i < 4; i++) policy.onClosed({ wasRunning: true });
  policy.reset();
  assert.equal(policy.onClosed({ wasRunning: true }).action, 'restart');
});

test('a server that dies before it ever ran is reported as a failed start, not restarted', () => {
  const { policy } = policyAt();
  assert.deepEqual(policy.onClosed({ wasRunning: false }), { action: 'startupFailed' });
});

test('errors: writes to a dead process continue (the close decides); repeated errors shut down', () => {
  const { policy } = policyAt();
  assert.equal(policy.onError(Object.assign(new Error('gone'), { code: 'EPIPE' }), 99), 'continue');
  assert.equal(policy.onError(new Error('x'), 1), 'continue');
  assert.equal(policy.onError(new Error('x'), 4), 'shutdown');
});

test('a request failing while the client stops is the stop\'s doing; a server error while running is not', () => {
  const shutdownRefusal = { code: -32600, message: 'The server is shutting down: only exit is accepted.' };
  const connectionGone = new Error('Connection got disposed.');
  const serverFault = { code: -32603, message: 'Request textDocument/hover failed with message: boom' };
  assert.equal(isFailureOfTheStop(false, shutdownRefusal), true, 'refused after shutdown, as the protocol asks');
  assert.equal(isFailureOfTheStop(false, connectionGone), true, 'connection closed by the stop');
  assert.equal(isFailureOfTheStop(false, { code: -32099, message: 'write failed' }), true, 'the stream closed under the write');
  assert.equal(isFailureOfTheStop(false, serverFault), false, 'an internal error is shown even during a stop');
  assert.equal(isFailureOfTheStop(true, shutdownRefusal), false, 'while running, every failure is shown');
  assert.equal(isFailureOfTheStop(true, connectionGone), false);
});
