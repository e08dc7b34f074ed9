import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AuthenticatedUser, stepUpDemandKey } from '@storefront/identity/access';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { EdgeRedis } from '../edge/edge-redis';

/**
 * The monitor's "require step-up MFA" response (a suspicious sign-in):
 * it writes stepUpDemandKey(userId) = the demand's time. Until the caller's
 * token carries a second-factor proof newer than that, the gateway answers
 * STEP_UP_REQUIRED everywhere but the account routes, where the step-up
 * itself happens.
 *
 * Fails open like RevokedSessions, for the same reason: refusing every
 * signed-in request during a Redis blip would be the worse outage.
 */
@Injectable()
export class StepUpDemands {
  private readonly logger = new Logger(StepUpDemands.name);

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly redis: EdgeRedis,
  ) {}

  async isOutstanding(user: AuthenticatedUser): Promise<boolean> {
    let demandedAt: string | null;
    try {
      demandedAt = await this.redis.client.get(stepUpDemandKey(this.config.SECURITY_EVENTS_PREFIX, user.id));
    } catch (error) {
      this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'step-up demand check skipped: Redis unavailable');
      return false;
    }
    if (demandedAt === null) return false;
    return user.mfaAt === undefined || user.mfaAt < Number(demandedAt);
  }
}
