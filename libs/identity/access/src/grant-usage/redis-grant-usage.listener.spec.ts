import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { grantUsageKey, parseGrantUsageField } from './grant-usage-key';
import { GrantUsageThrottle } from './grant-usage.throttle';
import { RedisGrantUsageListener } from './redis-grant-usage.listener';

/** Stands in for ioredis: records HSETs, or fails them when told to. */
class RecordingRedis {
  writes: Array<{ key: string; values: string[] }> = [];
  failNext = false;
  hset(key: string, ...values: string[]): Promise<number> {
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('connection is closed'));
    }
    this.writes.push({ key, values });
    return Promise.resolve(values.length / 2);
  }
}

function listenerAt(clock: { now: number }) {
  const redis = new RecordingRedis();
  const listener = new RedisGrantUsageListener(redis as unknown as Redis, 'sf-test', new GrantUsageThrottle(), () => clock.now);
  return { redis, listener };
}
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('RedisGrantUsageListener', () => {
  it('records userId:role → epoch ms in the shared hash', () => {
    const clock = { now: 1_700_000_000_000 };
    const { redis, listener } = listenerAt(clock);
    listener.used('u1', ['support', 'admin']);
    expect(redis.writes).toEqual([{ key: 'sf-test:access:grant-usage', values: ['u1:support', '1700000000000', 'u1:admin', '1700000000000'] }]);
  });

  it('writes a field at most once a minute per process, and each field on its own schedule', () => {
    const clock = { now: 1_000_000 };
    const { redis, listener } = listenerAt(clock);
    listener.used('u1', ['support']);
    clock.now += 59_999;
    listener.used('u1', ['support']);
    listener.used('u2', ['support']);
    expect(redis.writes.map((write) => write.values)).toEqual([
      ['u1:support', '1000000'],
      ['u2:support', '1059999'],
    ]);
    clock.now += 1;
    listener.used('u1', ['support', 'admin']);
    expect(redis.writes.at(-1)?.values).toEqual(['u1:support', '1060000', 'u1:admin', '1060000']);
  });

  it('never throws when Redis fails, and tries again on the next use instead of waiting a minute', async () => {
    const clock = { now: 5_000 };
    const { redis, listener } = listenerAt(clock);
    redis.failNext = true;
    expect(() => listener.used('u1', ['admin'])).not.toThrow();
    await flush();
    listener.used('u1', ['admin']);
    expect(redis.writes).toEqual([{ key: grantUsageKey('sf-test'), values: ['u1:admin', '5000'] }]);
  });
});

describe('grant usage fields', () => {
  it('parse back into user and role, and refuse malformed ones', () => {
    expect(parseGrantUsageField('0b0e-uuid:security-analyst')).toEqual({ userId: '0b0e-uuid', role: 'security-analyst' });
    expect(parseGrantUsageField('no-separator')).toBeNull();
    expect(parseGrantUsageField(':admin')).toBeNull();
    expect(parseGrantUsageField('u1:')).toBeNull();
  });
});
