import { mkdtempSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidConfigError } from '@storefront/platform/config';
import { loadKmsConfig } from './kms.config';

function keyFile(content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kms-config-')), 'root.key');
  writeFileSync(file, content);
  return file;
}

const valid = () => ({ TLS_DIR: '/tls', KMS_DATABASE_URL: 'postgresql://kms@db/kms', KMS_ROOT_KEY_FILE: keyFile(randomBytes(32).toString('base64')) });

describe('loadKmsConfig', () => {
  it('applies the defaults: port 3005 on loopback', () => {
    expect(loadKmsConfig(valid())).toMatchObject({ PORT: 3005, HOST: '127.0.0.1', LOG_LEVEL: 'info' });
  });

  it('names every bad variable at once, including a root key file of the wrong size, without printing the key', () => {
    const shortKey = randomBytes(16).toString('base64');
    let error: unknown;
    try {
      loadKmsConfig({ KMS_DATABASE_URL: 'mysql://root:hunter2@db/x', KMS_ROOT_KEY_FILE: keyFile(shortKey) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/TLS_DIR\s+is required/);
    expect(message).toMatch(/KMS_DATABASE_URL\s+must be a postgresql:\/\/ URL/);
    expect(message).toMatch(/KMS_ROOT_KEY_FILE\s+must hold base64 of exactly 32 bytes/);
    expect(message).not.toContain(shortKey);
    expect(message).not.toContain('hunter2');
  });

  it('reports a missing root key file', () => {
    expect(() => loadKmsConfig({ ...valid(), KMS_ROOT_KEY_FILE: '/nonexistent/root.key' })).toThrow(/KMS_ROOT_KEY_FILE\s+must name a readable file/);
  });
});
