import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { GrantUsageListener } from '../permission.guard';
import type { Role } from '../roles';
import { grantUsageField, grantUsageKey } from './grant-usage-key';
import { GrantUsageThrottle } from './grant-usage.throttle';

/**
 * Records each staff grant a request used (`userId:role → epoch ms`) in the
 * shared Redis hash, for auth's access review. Fire and forget: the request
 * never waits for Redis, and a failed write is logged and dropped (the next
 * use, a minute later, tries again); usage is evidence for a daily review,
 * not something worth failing a staff action over.
 */
export class RedisGrantUsageListener implements GrantUsageListener, OnApplicationShutdown {
  private readonly logger = new Logger(RedisGrantUsageListener.name);
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly throttle: GrantUsageThrottle = new GrantUsageThrottle(),
    private readonly now: () => number = Date.now,
  ) {
    this.key = grantUsageKey(prefix);
  }

  used(userId: string, roles: readonly Role[]): void {
    const at = this.now();
    const fields = roles.map((role) => grantUsageField(userId, role)).filter((field) => this.throttle.shouldWrite(field, at));
    if (fields.length === 0) return;
    const values = fields.flatMap((field) => [field, String(at)]);
    this.redis.hset(this.key, ...values).catch((error: unknown) => {
      for (const field of fields) this.throttle.forget(field);
      this.logger.warn({ userId, roles: roles.join(','), reason: error instanceof Error ? error.message : String(error) }, 'grant usage not recorded: Redis unavailable');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
