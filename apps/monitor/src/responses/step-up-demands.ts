import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { stepUpDemandKey } from '@storefront/identity/access';
import { MONITOR_CONFIG, type MonitorConfig } from '../config/monitor.config';
import { redisTlsOptions } from '@storefront/platform/config';

/**
 * The "require step-up MFA" response: writes stepUpDemandKey for the
 * account, which the gateway reads on every signed-in request. Softer than
 * a lock for a signal that is often innocent (a VPN, a trip): the real owner
 * answers with their authenticator and carries on; a thief with only the
 * password cannot.
 */
@Injectable()
export class StepUpDemands implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(@Inject(MONITOR_CONFIG) private readonly config: MonitorConfig) {
    this.redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: true, ...redisTlsOptions(config.REDIS_URL) });
  }

  /** Demands a second factor newer than `now` from `userId`; returns until when the demand stands. */
  async demand(userId: string, now: Date = new Date()): Promise<Date> {
    const seconds = this.config.STEP_UP_DEMAND_SECONDS;
    await this.redis.set(stepUpDemandKey(this.config.SECURITY_EVENTS_PREFIX, userId), String(Math.floor(now.getTime() / 1000)), 'EX', seconds);
    return new Date(now.getTime() + seconds * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
