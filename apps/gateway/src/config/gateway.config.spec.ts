import { describe, expect, it } from 'vitest';
import { InvalidConfigError } from '@storefront/platform/config';
import { loadGatewayConfig } from './gateway.config';

const base = {
  TLS_DIR: '.',
  REDIS_URL: 'redis://127.0.0.1:6379',
  AUTH_URL: 'https://localhost:3001',
  CATALOG_URL: 'https://localhost:3002',
  ORDER_URL: 'https://localhost:3003',
  VAULT_URL: 'https://localhost:3004',
  MONITOR_URL: 'https://localhost:3006',
};

describe('gateway configuration', () => {
  it('keeps the edge guards on unless told otherwise', () => {
    expect(loadGatewayConfig(base).EDGE_GUARDS).toBe('on');
  });

  it('allows the guards off only on loopback (the benchmark baseline), never on a public interface', () => {
    expect(loadGatewayConfig({ ...base, HOST: '127.0.0.1', EDGE_GUARDS: 'off' }).EDGE_GUARDS).toBe('off');
    expect(() => loadGatewayConfig({ ...base, HOST: '0.0.0.0', EDGE_GUARDS: 'off' })).toThrow(InvalidConfigError);
  });

  it('reads trusted proxies as addresses and ranges and refuses anything else', () => {
    expect(loadGatewayConfig({ ...base, TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.7 ,::1' }).TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '192.0.2.7', '::1']);
    expect(loadGatewayConfig(base).TRUSTED_PROXIES).toEqual([]);
    expect(() => loadGatewayConfig({ ...base, TRUSTED_PROXIES: 'loopback' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => loadGatewayConfig({ ...base, TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES/);
  });
});
