import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDevSecrets } from '@storefront/platform/pki';

/** A throwaway PKI (CA, one certificate per identity) in a temp folder. */
export function createTestPki(identities: readonly string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'storefront-pki-'));
  ensureDevSecrets({ dir, identities, databases: [] });
  return path.join(dir, 'tls');
}
