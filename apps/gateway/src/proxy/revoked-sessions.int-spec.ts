import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { uniqueRedisPrefix } from '@storefront/platform/testing';
import type { GatewayConfig } from '../config/gateway.config';
import { EdgeRedis } from '../edge/edge-redis';
import { RevokedSessions } from './revoked-sessions';

const config = (redisUrl: string, prefix: string) => ({ REDIS_URL: redisUrl, SECURITY_EVENTS_PREFIX: prefix }) as GatewayConfig;
const revokedSessions = (redisUrl: string, prefix: string) => {
  const edgeRedis = new EdgeRedis(config(redisUrl, prefix));
  return { sessions: new RevokedSessions(config(redisUrl, prefix), edgeRedis), close: () => edgeRedis.onApplicationShutdown() };
};

describe('RevokedSessions (the gateway side of session revocation)', () => {
  const prefix = uniqueRedisPrefix('revoked');
  const redis = new Redis(inject('redisUrl'));
  const { sessions: revoked, close } = revokedSessions(inject('redisUrl'), prefix);
  afterAll(async () => {
    await close();
    redis.disconnect();
  });

  it('reports a session id that auth listed (same key shape as revoked-sessions.publisher.ts), and no other', async () => {
    const ended = randomUUID();
    await redis.set(`${prefix}:revoked-session:${ended}`, '1', 'EX', 60);
    expect(await revoked.isRevoked(ended)).toBe(true);
    expect(await revoked.isRevoked(randomUUID())).toBe(false);
  });

  it('fails open when Redis cannot be reached: the token is still checked for signature and expiry', async () => {
    const { sessions: unreachable, close: closeUnreachable } = revokedSessions('redis://127.0.0.1:1', prefix);
    try {
      expect(await unreachable.isRevoked(randomUUID())).toBe(false);
    } finally {
      await closeUnreachable();
    }
  });
});
