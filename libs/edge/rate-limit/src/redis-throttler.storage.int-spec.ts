import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueRedisPrefix } from '@storefront/platform/testing';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RedisThrottlerStorage', () => {
  const prefix = uniqueRedisPrefix('rate-limit');
  let redis: Redis;
  let other: Redis;

  beforeAll(() => {
    redis = new Redis(inject('redisUrl'));
    other = new Redis(inject('redisUrl'));
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await other.quit();
  });

  it('lets exactly the limit through when 1,000 increments race (5 per 1 s window)', async () => {
    const storage = new RedisThrottlerStorage(redis, { prefix });
    const results = await Promise.all(Array.from({ length: 1000 }, () => storage.increment('race', 1000, 5, 1000, 'ip')));
    expect(results.filter((r) => !r.isBlocked)).toHaveLength(5);
    expect(results.filter((r) => r.isBlocked).every((r) => r.timeToBlockExpire >= 1)).toBe(true);
  });

  it('blocks for blockDuration, then clears and counts afresh', async () => {
    const storage = new RedisThrottlerStorage(redis, { prefix });
    for (let i = 1; i <= 2; i++) expect(await storage.increment('block', 5_000, 2, 600, 'login')).toMatchObject({ totalHits: i, isBlocked: false });
    const blocked = await storage.increment('block', 5_000, 2, 600, 'login');
    expect(blocked).toMatchObject({ isBlocked: true, timeToBlockExpire: 1 });
    await sleep(300);
    expect((await storage.increment('block', 5_000, 2, 600, 'login')).isBlocked).toBe(true);
    await sleep(400);
    expect(await storage.increment('block', 5_000, 2, 600, 'login')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('doubles each repeat block within the memory period, up to the longest block, and reports only the start of each', async () => {
    const storage = new RedisThrottlerStorage(redis, { prefix, escalation: { longestBlockMs: 1_000, memoryMs: 10_000 } });
    const overLimit = async () => {
      await storage.increment('repeat', 5_000, 1, 300, 'catalog');
      return storage.increment('repeat', 5_000, 1, 300, 'catalog');
    };
    const first = await overLimit();
    expect(first).toMatchObject({ isBlocked: true, blockStarted: true, strikes: 1 });
    const during = await storage.increment('repeat', 5_000, 1, 300, 'catalog');
    expect(during).toMatchObject({ isBlocked: true, blockStarted: false });
    await sleep(350);
    const second = await overLimit();
    expect(second).toMatchObject({ isBlocked: true, blockStarted: true, strikes: 2 });
    const blockLeft = await redis.pttl(`${prefix}:{catalog:repeat}:block`);
    expect(blockLeft).toBeGreaterThan(450);
    expect(blockLeft).toBeLessThanOrEqual(600);
    await sleep(650);
    await overLimit();
    // 300 ms doubled twice would be 1,200 ms: capped at the longest block.
    expect(await redis.pttl(`${prefix}:{catalog:repeat}:block`)).toBeLessThanOrEqual(1_000);
    expect(await redis.pttl(`${prefix}:{catalog:repeat}:block`)).toBeGreaterThan(800);
  });

  it('without escalation every block lasts blockDuration', async () => {
    const storage = new RedisThrottlerStorage(redis, { prefix });
    for (let round = 0; round < 2; round++) {
      await storage.increment('flat', 5_000, 1, 200, 'login');
      expect(await storage.increment('flat', 5_000, 1, 200, 'login')).toMatchObject({ blockStarted: true, strikes: 1 });
      expect(await redis.pttl(`${prefix}:{login:flat}:block`)).toBeLessThanOrEqual(200);
      await sleep(250);
    }
  });

  it('counts a new window after the old one expires', async () => {
    const storage = new RedisThrottlerStorage(redis, { prefix });
    await storage.increment('window', 300, 1, 0, 'ip');
    expect((await storage.increment('window', 300, 1, 0, 'ip')).isBlocked).toBe(true);
    await sleep(350);
    expect(await storage.increment('window', 300, 1, 0, 'ip')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('shares counts between two instances on separate connections (two gateway replicas)', async () => {
    const replicaA = new RedisThrottlerStorage(redis, { prefix });
    const replicaB = new RedisThrottlerStorage(other, { prefix });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? replicaA : replicaB).increment('shared', 1000, 5, 1000, 'ip')),
    );
    expect(results.filter((r) => !r.isBlocked)).toHaveLength(5);
  });

  it('keeps trackers, throttler names and prefixes apart', async () => {
    const storage = new RedisThrottlerStorage(redis, { prefix });
    const elsewhere = new RedisThrottlerStorage(redis, { prefix: `${prefix}:other` });
    await storage.increment('apart', 60_000, 1, 60_000, 'ip');
    expect((await storage.increment('apart', 60_000, 1, 60_000, 'ip')).isBlocked).toBe(true);
    expect((await storage.increment('apart-2', 60_000, 1, 60_000, 'ip')).isBlocked).toBe(false);
    expect((await storage.increment('apart', 60_000, 1, 60_000, 'login')).isBlocked).toBe(false);
    expect((await elsewhere.increment('apart', 60_000, 1, 60_000, 'ip')).isBlocked).toBe(false);
    expect(await redis.keys(`${prefix}:{ip:apart}:*`)).toEqual(expect.arrayContaining([`${prefix}:{ip:apart}:block`]));
  });
});
