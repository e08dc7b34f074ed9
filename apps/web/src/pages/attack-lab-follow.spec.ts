import { describe, expect, it } from 'vitest';
import type { LabEvents, LabRun } from '../api/attack-lab';
import { followRun } from './attack-lab-follow';

const run = (state: LabRun['state']): LabRun => ({
  id: 'r1',
  scenario: 'waf-payloads',
  title: 'WAF payloads',
  expectedLayer: { number: 1, name: 'Edge shield' },
  stoppedMeans: '403',
  state,
  startedAt: '2026-11-25T10:00:00.000Z',
  correlationPrefix: 'lab-r1',
  requests: [],
  requestCount: 0,
  log: [],
});
const noEvents: LabEvents = { items: [], alerts: [] };

describe('followRun', () => {
  it('asks for the run and its events until it finished, then a few more times for late events', async () => {
    const answers = [run('running'), run('finished'), run('finished'), run('finished')];
    const prefixes: string[] = [];
    const seen: string[] = [];
    const finished = await followRun(run('running'), {
      getRun: async () => answers.shift() ?? run('finished'),
      getEvents: async (prefix) => {
        prefixes.push(prefix);
        return noEvents;
      },
      wait: async () => undefined,
      isCurrent: () => true,
      onUpdate: (r) => seen.push(r.state),
      settlePolls: 2,
    });
    expect(finished?.state).toBe('finished');
    // The launch answer, one more running poll, then the finished run three times (once + two settle polls).
    expect(seen).toEqual(['running', 'running', 'finished', 'finished', 'finished']);
    expect(new Set(prefixes)).toEqual(new Set(['lab-r1']));
  });

  it('stops when the visitor leaves, and after the limit', async () => {
    let current = true;
    let polls = 0;
    const left = await followRun(run('running'), {
      getRun: async () => run('running'),
      getEvents: async () => {
        polls += 1;
        if (polls === 2) current = false;
        return noEvents;
      },
      wait: async () => undefined,
      isCurrent: () => current,
      onUpdate: () => undefined,
    });
    expect(left).toBeNull();
    expect(polls).toBe(2);
    const limited = await followRun(run('running'), { getRun: async () => run('running'), getEvents: async () => noEvents, wait: async () => undefined, isCurrent: () => true, onUpdate: () => undefined, limit: 3 });
    expect(limited).toBeNull();
  });
});
