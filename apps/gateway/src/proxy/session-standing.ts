import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AuthenticatedUser, revokedSessionKey, stepUpDemandKey } from '@storefront/identity/access';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { EdgeRedis } from '../edge/edge-redis';

/** What other services have said about a signed-in caller since its token was issued. */
export interface SessionStanding {
  /**
   * The session ended (sign-out, password change, "End" on the Security
   * page, refresh-token reuse) before its access tokens expired: auth lists
   * it under revokedSessionKey for the access-token lifetime.
   */
  revoked: boolean;
  /**
   * The monitor demanded a fresh second factor (a suspicious sign-in): it
   * wrote stepUpDemandKey(userId) = the demand's time, and the token's
   * proof (`mfa_at`) is older than that.
   */
  stepUpOutstanding: boolean;
}

const IN_GOOD_STANDING: SessionStanding = { revoked: false, stepUpOutstanding: false };

/**
 * Both facts in one MGET on the edge's Redis connection, so a signed-in
 * request costs one round trip, not one per fact.
 *
 * Fails open: with Redis down the token is still verified (signature,
 * expiry) and dies within ACCESS_TOKEN_TTL_SECONDS; refusing every signed-in
 * request during a Redis blip would be the worse outage.
 */
@Injectable()
export class SessionStandings {
  private readonly logger = new Logger(SessionStandings.name);

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly redis: EdgeRedis,
  ) {}

  async of(user: AuthenticatedUser): Promise<SessionStanding> {
    const prefix = this.config.SECURITY_EVENTS_PREFIX;
    let revoked: string | null;
    let demandedAt: string | null;
    try {
      [revoked, demandedAt] = await this.redis.client.mget(revokedSessionKey(prefix, user.sessionId), stepUpDemandKey(prefix, user.id));
    } catch (error) {
      this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'session standing check skipped: Redis unavailable');
      return IN_GOOD_STANDING;
    }
    return {
      revoked: revoked !== null,
      stepUpOutstanding: demandedAt !== null && (user.mfaAt === undefined || user.mfaAt < Number(demandedAt)),
    };
  }
}
