/** The client's crash-restart policy: at most N restarts within a sliding window. */
import { strict as assert } from 'node:assert';
import { RestartPolicy } from '../../client/restart-policy';

describe('restart policy', () => {
  it('allows maxRestarts crashes in the window, then refuses', () => {
    let now = 0;
    const policy = new RestartPolicy(3, 1000, () => now);
    assert.deepEqual([policy.shouldRestart(), policy.shouldRestart(), policy.shouldRestart(), policy.shouldRestart()], [true, true, true, false]);
    assert.equal(policy.count, 3);
  });

  it('forgets crashes older than the window', () => {
    let now = 0;
    const policy = new RestartPolicy(2, 1000, () => now);
    policy.shouldRestart();
    now = 500;
    policy.shouldRestart();
    assert.equal(policy.shouldRestart(), false, 'two within a second');
    now = 1600;
    assert.equal(policy.shouldRestart(), true, 'the first two have left the window');
  });

  it('reset starts counting again (a manual restart)', () => {
    const policy = new RestartPolicy(1, 1000, () => 0);
    policy.shouldRestart();
    assert.equal(policy.shouldRestart(), false);
    policy.reset();
    assert.equal(policy.shouldRestart(), true);
  });
});
