import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { AuthenticatedUser } from '@storefront/identity/access';
import { uniqueRedisPrefix } from '@storefront/platform/testing';
import type { GatewayConfig } from '../config/gateway.config';
import { EdgeRedis } from '../edge/edge-redis';
import { SessionStandings } from './session-standing';

const config = (redisUrl: string, prefix: string) => ({ REDIS_URL: redisUrl, SECURITY_EVENTS_PREFIX: prefix }) as GatewayConfig;
const standingsOn = (redisUrl: string, prefix: string) => {
  const edgeRedis = new EdgeRedis(config(redisUrl, prefix));
  return { standings: new SessionStandings(config(redisUrl, prefix), edgeRedis), close: () => edgeRedis.onApplicationShutdown() };
};
const aUser = (mfaAt?: number): AuthenticatedUser => ({
  id: randomUUID(),
  email: 'shopper@example.test',
  roles: ['customer'],
  sessionId: randomUUID(),
  ...(mfaAt === undefined ? {} : { mfaAt }),
});

describe('SessionStandings (what auth and the monitor said about a signed-in caller)', () => {
  const prefix = uniqueRedisPrefix('standing');
  const redis = new Redis(inject('redisUrl'));
  const { standings, close } = standingsOn(inject('redisUrl'), prefix);
  afterAll(async () => {
    await close();
    redis.disconnect();
  });

  it('reports a session id that auth listed (same key shape as revoked-sessions.publisher.ts), and no other', async () => {
    const ended = aUser();
    await redis.set(`${prefix}:revoked-session:${ended.sessionId}`, '1', 'EX', 60);
    expect(await standings.of(ended)).toEqual({ revoked: true, stepUpOutstanding: false });
    expect(await standings.of(aUser())).toEqual({ revoked: false, stepUpOutstanding: false });
  });

  it("owes a second factor while the token's proof is older than the monitor's demand, and not after", async () => {
    const demandedAt = Math.floor(Date.now() / 1000);
    const neverProved = aUser();
    const provedBefore = aUser(demandedAt - 60);
    const provedAfter = aUser(demandedAt + 1);
    for (const user of [neverProved, provedBefore, provedAfter]) await redis.set(`${prefix}:step-up-demand:${user.id}`, String(demandedAt), 'EX', 60);

    expect((await standings.of(neverProved)).stepUpOutstanding).toBe(true);
    expect((await standings.of(provedBefore)).stepUpOutstanding).toBe(true);
    expect((await standings.of(provedAfter)).stepUpOutstanding).toBe(false);
  });

  it('costs one Redis round trip for both facts', async () => {
    const feed = await new Redis(inject('redisUrl')).monitor();
    const commands: string[] = [];
    feed.on('monitor', (_time: string, args: string[]) => {
      if (args.some((arg) => arg.startsWith(`${prefix}:`))) commands.push(args[0].toLowerCase());
    });
    try {
      await standings.of(aUser());
      await sleep(200); // MONITOR reports asynchronously
    } finally {
      feed.disconnect();
    }
    expect(commands).toEqual(['mget']);
  });

  it('fails open when Redis cannot be reached: the token is still checked for signature and expiry', async () => {
    const { standings: unreachable, close: closeUnreachable } = standingsOn('redis://127.0.0.1:1', prefix);
    try {
      expect(await unreachable.of(aUser())).toEqual({ revoked: false, stepUpOutstanding: false });
    } finally {
      await closeUnreachable();
    }
  });
});
