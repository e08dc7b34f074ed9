import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redisTlsOptions } from './redis-tls';

const caFile = path.join(mkdtempSync(path.join(tmpdir(), 'redis-tls-')), 'ca.crt');
writeFileSync(caFile, 'the CA');

describe('redisTlsOptions', () => {
  it('adds the CA for a rediss:// URL, so the server is verified against the project CA', () => {
    expect(redisTlsOptions('rediss://redis:6379', caFile).tls?.ca.toString()).toBe('the CA');
    expect(redisTlsOptions('REDISS://redis:6379', caFile).tls).toBeDefined();
  });

  it('adds nothing to a plain redis:// URL, nor without a CA file (ioredis then trusts the system CAs)', () => {
    expect(redisTlsOptions('redis://127.0.0.1:6379', caFile)).toEqual({});
    expect(redisTlsOptions('rediss://redis:6379', undefined)).toEqual({});
  });

  it('fails loudly on a CA file that is not there, rather than connecting without it', () => {
    expect(() => redisTlsOptions('rediss://redis:6379', path.join(path.dirname(caFile), 'missing.crt'))).toThrow(/ENOENT/);
  });
});
