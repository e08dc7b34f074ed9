import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

/**
 * Sessions that ended (sign-out, password change, "End" on the Security
 * page, refresh-token reuse) before their access tokens expired. The auth
 * service writes `<SECURITY_EVENTS_PREFIX>:revoked-session:<sid>` with a TTL of
 * the access-token lifetime (apps/auth/src/sessions/revoked-sessions.publisher.ts
 * builds the same key); the gateway refuses any token whose `sid` is listed.
 *
 * One GET per signed-in request, on its own connection with a short timeout.
 * Fails open: with Redis down the token is still verified (signature,
 * expiry), and it dies within ACCESS_TOKEN_TTL_SECONDS; refusing every
 * signed-in request during a Redis blip would be the worse outage.
 */
@Injectable()
export class RevokedSessions implements OnApplicationShutdown {
  private readonly logger = new Logger(RevokedSessions.name);
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, commandTimeout: 300, connectionName: 'gateway-revoked-sessions' });
    this.redis.on('error', () => undefined); // reported per command below
    this.prefix = config.SECURITY_EVENTS_PREFIX;
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    try {
      return (await this.redis.exists(`${this.prefix}:revoked-session:${sessionId}`)) === 1;
    } catch (error) {
      this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'revoked-session check skipped: Redis unavailable');
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
