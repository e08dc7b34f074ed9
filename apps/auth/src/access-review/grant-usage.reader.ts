import { Injectable } from '@nestjs/common';
import { grantUsageField, grantUsageKey, parseGrantUsageField } from '@storefront/identity/access';
import { AuthRedis } from '../redis/auth-redis';
import type { GrantUsage } from './staff-grants.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function usageOf(field: string, value: string): GrantUsage | null {
  const parsed = parseGrantUsageField(field);
  const ms = Number(value);
  // Anything else in the hash was not written by a GrantUsageListener: skipped, never trusted.
  if (!parsed || !UUID.test(parsed.userId) || !Number.isSafeInteger(ms) || ms <= 0) return null;
  return { userId: parsed.userId, role: parsed.role, at: new Date(ms) };
}

/**
 * Reads the usage the services' PermissionGuards recorded in the shared
 * Redis hash (see GrantUsageModule). The hash is never cleared: it holds one
 * field per staff user and role, and copying it again changes nothing.
 */
@Injectable()
export class GrantUsageReader {
  constructor(private readonly redis: AuthRedis) {}

  async all(): Promise<GrantUsage[]> {
    const fields = await this.redis.client.hgetall(grantUsageKey(this.redis.prefix));
    return Object.entries(fields).flatMap(([field, value]) => usageOf(field, value) ?? []);
  }

  /** The latest recorded use of one grant, read again just before it is revoked. */
  async latest(userId: string, role: string): Promise<Date | null> {
    const value = await this.redis.client.hget(grantUsageKey(this.redis.prefix), grantUsageField(userId, role));
    return value === null ? null : (usageOf(grantUsageField(userId, role), value)?.at ?? null);
  }
}
