import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { redisTlsOptions } from '@storefront/platform/config';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';

/**
 * One Redis connection for auth's short-lived shared state (revoked session
 * ids, WebAuthn challenges), with keys under `<SECURITY_EVENTS_PREFIX>:auth:`.
 * Short timeouts: a slow Redis must not hold a request for long.
 */
@Injectable()
export class AuthRedis implements OnApplicationShutdown {
  readonly client: Redis;
  readonly prefix: string;

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig) {
    this.client = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, commandTimeout: 1_000, connectTimeout: 2_000, connectionName: 'auth-state', ...redisTlsOptions(config.REDIS_URL) });
    this.client.on('error', () => undefined); // each command reports its own failure
    this.prefix = config.SECURITY_EVENTS_PREFIX;
  }

  key(...parts: string[]): string {
    return [this.prefix, 'auth', ...parts].join(':');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
