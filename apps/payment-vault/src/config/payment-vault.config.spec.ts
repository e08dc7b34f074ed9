import { mkdtempSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVaultConfig } from './payment-vault.config';

function keyFile(content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'vault-config-')), 'fingerprint.key');
  writeFileSync(file, content);
  return file;
}

const valid = () => ({
  TLS_DIR: '/tls',
  VAULT_DATABASE_URL: 'postgresql://vault@db/vault',
  KMS_URL: 'https://kms:3005',
  VAULT_REDIS_URL: 'redis://vault-redis:6379',
  FINGERPRINT_KEY_FILE: keyFile(randomBytes(32).toString('base64')),
});

describe('loadVaultConfig', () => {
  it('applies the defaults: port 3004 and the alias/vault-cards master key', () => {
    expect(loadVaultConfig(valid())).toMatchObject({ PORT: 3004, HOST: '127.0.0.1', KMS_KEY_ALIAS: 'alias/vault-cards', VAULT_REDIS_PREFIX: 'vault', VAULT_REWRAP_PAGE_SIZE: 100 });
  });

  it('refuses a plain-http KMS, a malformed alias and a bad fingerprint key file, naming each', () => {
    const attempt = () =>
      loadVaultConfig({ ...valid(), KMS_URL: 'http://kms:3005', KMS_KEY_ALIAS: 'vault-cards', FINGERPRINT_KEY_FILE: keyFile('short') });
    expect(attempt).toThrow(/KMS_URL\s+must be an https:\/\/ origin/);
    expect(attempt).toThrow(/KMS_KEY_ALIAS\s+must be a KMS alias name/);
    expect(attempt).toThrow(/FINGERPRINT_KEY_FILE\s+must hold base64 of exactly 32 bytes/);
  });
});
