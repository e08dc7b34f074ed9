import { Inject, Injectable, Logger } from '@nestjs/common';
import { revokedSessionKey } from '@storefront/identity/access';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { EdgeRedis } from '../edge/edge-redis';

/**
 * Sessions that ended (sign-out, password change, "End" on the Security
 * page, refresh-token reuse) before their access tokens expired. The auth
 * service announces each under `revokedSessionKey` with a TTL of the
 * access-token lifetime; the gateway refuses any token whose `sid` is listed.
 *
 * One EXISTS per signed-in request on the edge's Redis connection. Fails
 * open: with Redis down the token is still verified (signature, expiry), and
 * it dies within ACCESS_TOKEN_TTL_SECONDS; refusing every signed-in request
 * during a Redis blip would be the worse outage.
 */
@Injectable()
export class RevokedSessions {
  private readonly logger = new Logger(RevokedSessions.name);

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly redis: EdgeRedis,
  ) {}

  async isRevoked(sessionId: string): Promise<boolean> {
    try {
      return (await this.redis.client.exists(revokedSessionKey(this.config.SECURITY_EVENTS_PREFIX, sessionId))) === 1;
    } catch (error) {
      this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'revoked-session check skipped: Redis unavailable');
      return false;
    }
  }
}
