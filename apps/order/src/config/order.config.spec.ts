import { describe, expect, it } from 'vitest';
import { InvalidConfigError } from '@storefront/platform/config';
import { loadOrderConfig } from './order.config';

const valid = {
  TLS_DIR: '/tmp/tls',
  ORDER_DATABASE_URL: 'postgresql://orders:secret@db/orders',
  AUTH_URL: 'https://localhost:3001',
  CATALOG_URL: 'https://localhost:3002',
  VAULT_URL: 'https://localhost:3004',
};

describe('order configuration', () => {
  it('applies the defaults: port 3003 on loopback', () => {
    expect(loadOrderConfig(valid)).toMatchObject({ PORT: 3003, HOST: '127.0.0.1', LOG_LEVEL: 'info' });
  });

  it('refuses plain-HTTP service URLs and names each culprit without printing values', () => {
    const attempt = () => loadOrderConfig({ ...valid, VAULT_URL: 'http://vault:3004', ORDER_DATABASE_URL: 'mysql://root:hunter2@db' });
    expect(attempt).toThrow(InvalidConfigError);
    expect(attempt).toThrow(/VAULT_URL\s+must be an https:\/\/ origin/);
    expect(attempt).toThrow(/ORDER_DATABASE_URL\s+must be a postgresql:\/\/ URL/);
    expect(attempt).not.toThrow(/hunter2/);
  });
});
