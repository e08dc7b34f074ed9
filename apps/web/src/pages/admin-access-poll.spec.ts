import { describe, expect, it } from 'vitest';
import type { AccessReview } from '../api/access-reviews';
import { describeReview, pollReview } from './admin-access-poll';

const review = (overrides: Partial<AccessReview>): AccessReview => ({
  id: 'r1',
  trigger: 'manual',
  triggeredBy: 'admin-id',
  startedAt: '2026-11-25T10:00:00.000Z',
  finishedAt: null,
  status: 'running',
  unusedAfterDays: 90,
  examined: 0,
  revoked: 0,
  ...overrides,
});

describe('pollReview', () => {
  it('asks until the review is finished, reporting each answer', async () => {
    const answers = [review({}), review({}), review({ status: 'finished', finishedAt: '2026-11-25T10:00:02.000Z', examined: 5, revoked: 1 })];
    const seen: string[] = [];
    const finished = await pollReview({ get: async () => answers.shift()!, wait: async () => undefined, isCurrent: () => true, onProgress: (r) => seen.push(r.status) });
    expect(finished).toMatchObject({ status: 'finished', revoked: 1 });
    expect(seen).toEqual(['running', 'running', 'finished']);
  });

  it('stops when the visitor leaves the page, and after the limit', async () => {
    let current = true;
    let calls = 0;
    const left = await pollReview({
      get: async () => {
        calls += 1;
        if (calls === 2) current = false;
        return review({});
      },
      wait: async () => undefined,
      isCurrent: () => current,
      onProgress: () => undefined,
    });
    expect(left).toBeNull();
    expect(calls).toBe(2);
    const limited = await pollReview({ get: async () => review({}), wait: async () => undefined, isCurrent: () => true, onProgress: () => undefined, limit: 3 });
    expect(limited).toBeNull();
  });
});

describe('describeReview', () => {
  const iso = (value: string) => value.slice(11, 16);
  it('says who started it, and what it found once finished', () => {
    expect(describeReview(review({}), iso)).toBe('Review started by an admin at 10:00 is running…');
    expect(describeReview(review({ trigger: 'schedule', status: 'finished', finishedAt: '2026-11-25T10:05:00.000Z', examined: 4, revoked: 1 }), iso)).toBe(
      'Review scheduled, finished 10:05: 4 grants examined, 1 unused grant revoked.',
    );
  });
});
