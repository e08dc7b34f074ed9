import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { envRules, InvalidConfigError, loadConfig } from './index';

const schema = z.object({
  PORT: envRules.port(3000),
  ORDER_DATABASE_URL: envRules.postgresUrl(),
  KMS_URL: envRules.httpsUrl(),
});

describe('loadConfig', () => {
  it('returns typed, frozen values with defaults applied', () => {
    const config = loadConfig('order', schema, {
      ORDER_DATABASE_URL: 'postgresql://u@h/db',
      KMS_URL: 'https://kms:3005',
    });
    expect(config.PORT).toBe(3000);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every bad variable and its rule, and never prints a value', () => {
    const secret = 'mysql://root:hunter2@db/x';
    let error: unknown;
    try {
      loadConfig('order', schema, { PORT: 'abc', ORDER_DATABASE_URL: secret });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidConfigError);
    const message = (error as Error).message;
    expect(message).toContain('order: invalid configuration');
    expect(message).toMatch(/PORT\s+must be a TCP port number/);
    expect(message).toMatch(/ORDER_DATABASE_URL\s+must be a postgresql:\/\/ URL/);
    expect(message).toMatch(/KMS_URL\s+is required/);
    expect(message).not.toContain('hunter2');
    expect(message).toContain('see apps/order/.env.example');
  });
});
