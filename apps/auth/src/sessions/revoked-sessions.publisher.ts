import { Inject, Injectable, Logger } from '@nestjs/common';
import { revokedSessionKey } from '@storefront/identity/access';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import { AuthRedis } from '../redis/auth-redis';

/**
 * Access tokens are stateless JWTs: revoking a session in the database stops
 * its refresh token, but an access token already issued would live on until
 * it expires. So every revoked session id is announced in Redis for exactly
 * the longest an access token of it can still be valid, and the gateway
 * refuses tokens whose `sid` is listed. The key expires on its own.
 */
@Injectable()
export class RevokedSessionsPublisher {
  private readonly logger = new Logger(RevokedSessionsPublisher.name);

  constructor(
    private readonly redis: AuthRedis,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /** Never throws: the refresh tokens are already dead in the database; without Redis, issued access tokens expire within ACCESS_TOKEN_TTL_SECONDS. */
  async publish(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const pipeline = this.redis.client.multi();
    for (const id of sessionIds) pipeline.set(revokedSessionKey(this.redis.prefix, id), '1', 'EX', this.config.ACCESS_TOKEN_TTL_SECONDS);
    try {
      await pipeline.exec();
    } catch (error) {
      this.logger.error({ sessions: sessionIds.length, reason: error instanceof Error ? error.message : String(error) }, 'could not announce revoked sessions');
    }
  }
}
