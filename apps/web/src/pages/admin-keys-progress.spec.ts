import { describe, expect, it } from 'vitest';
import type { RewrapProgress } from './admin-keys-api';
import { describeRewrap, percentOnCurrent } from './admin-keys-progress';

const base: RewrapProgress = { currentKeyMaterialId: 'm2', totalKeys: 8, onCurrentVersion: 2, remaining: 6, running: true, lastRun: null, queueAvailable: true };

describe('rewrap progress', () => {
  it('is the share of keys on the newest version, rounded down, and full when nothing is stored', () => {
    expect(percentOnCurrent(base)).toBe(25);
    expect(percentOnCurrent({ totalKeys: 3, onCurrentVersion: 2 })).toBe(66);
    expect(percentOnCurrent({ totalKeys: 0, onCurrentVersion: 0 })).toBe(100);
  });

  it('says whether the run is going, done, failed or waiting', () => {
    expect(describeRewrap(base)).toBe('Rewrapping: 2 of 8 card keys on the newest key version, 6 remaining.');
    expect(describeRewrap({ ...base, running: false, onCurrentVersion: 8, remaining: 0 })).toMatch(/^Done: 8 of 8/);
    const failed = { startedAt: 'a', finishedAt: 'b', rewrapped: 2, skipped: 0, outcome: 'failed' as const };
    expect(describeRewrap({ ...base, running: false, lastRun: failed })).toMatch(/^The last rewrap stopped/);
    expect(describeRewrap({ ...base, running: false })).toMatch(/^Waiting for the next rewrap run/);
  });

  it("says so when the vault's rewrap queue is down, and that cards still charge", () => {
    expect(describeRewrap({ ...base, running: false, queueAvailable: false })).toMatch(/^The rewrap queue .* not answering: .*cards still charge\. 2 of 8/);
  });
});
