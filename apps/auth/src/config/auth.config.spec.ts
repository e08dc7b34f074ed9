import { describe, expect, it } from 'vitest';
import { InvalidConfigError } from '@storefront/platform/config';
import { loadAuthConfig } from './auth.config';

const minimal = {
  TLS_DIR: '/tmp/tls',
  AUTH_DATABASE_URL: 'postgresql://auth@localhost:5432/auth',
  JWT_SIGNING_KEY_FILE: '/tmp/jwt-signing-key.pem',
  REDIS_URL: 'redis://127.0.0.1:6379',
};

describe('auth configuration', () => {
  it('applies the documented defaults', () => {
    const config = loadAuthConfig(minimal);
    expect(config).toMatchObject({ PORT: 3001, HOST: '127.0.0.1', ACCESS_TOKEN_TTL_SECONDS: 600, REFRESH_TOKEN_TTL_DAYS: 7, SEED_DEMO_DATA: false, SECURITY_EVENTS_PREFIX: 'storefront' });
  });

  it('refuses an access token lifetime above ten minutes, naming the variable', () => {
    expect(() => loadAuthConfig({ ...minimal, ACCESS_TOKEN_TTL_SECONDS: '3600' })).toThrow(/ACCESS_TOKEN_TTL_SECONDS\s+must be a whole number/);
  });

  it('names every missing variable at once and never prints a value', () => {
    let error: unknown;
    try {
      loadAuthConfig({ AUTH_DATABASE_URL: 'mysql://root:hunter2@db/auth', SEED_DEMO_DATA: 'yes' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidConfigError);
    const message = (error as Error).message;
    for (const variable of ['TLS_DIR', 'AUTH_DATABASE_URL', 'JWT_SIGNING_KEY_FILE', 'SEED_DEMO_DATA', 'REDIS_URL']) expect(message).toContain(variable);
    expect(message).not.toContain('hunter2');
  });
});
