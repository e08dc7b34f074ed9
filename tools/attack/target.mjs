// The store under attack, as `npm run attack` (run.mjs) and the attack lab's
// runner (lab-server.mjs) both take it: the same options, the same defaults.
import path from 'node:path';
import { serviceUrlsFor } from './runner.mjs';

/** parseArgs options naming the target. */
export const TARGET_OPTIONS = {
  'base-url': { type: 'string' },
  ca: { type: 'string' },
  'vault-url': { type: 'string' },
  'vault-db': { type: 'string' },
};

export const TARGET_USAGE = `  --base-url URL        the store (default $STOREFRONT_URL or https://localhost:8443)
  --ca FILE             the CA the store's certificates come from (default $STOREFRONT_CA or .secrets/tls/ca.crt);
                        its folder also holds the service certificates the stolen-certificate scenario uses
                        and, beside it (../auth/demo-staff-totp.json), the demo staff's TOTP secrets
  --vault-url URL       payment-vault, reached directly (default: base port - 8443 + 3004)
  --vault-db URL        the vault's database, read as a thief with a copy would
                        (default $STOREFRONT_VAULT_DB or postgresql://postgres@127.0.0.1:5432/vault)`;

/** The target from parsed options and the environment. */
export function targetFrom(values, env = process.env) {
  const baseUrl = (values['base-url'] ?? env.STOREFRONT_URL ?? 'https://localhost:8443').replace(/\/+$/, '');
  const serviceUrls = serviceUrlsFor(baseUrl);
  const caFile = path.resolve(values.ca ?? env.STOREFRONT_CA ?? '.secrets/tls/ca.crt');
  return {
    baseUrl,
    caFile,
    tlsDir: path.dirname(caFile),
    vaultUrl: (values['vault-url'] ?? serviceUrls['payment-vault']).replace(/\/+$/, ''),
    vaultDatabaseUrl: values['vault-db'] ?? env.STOREFRONT_VAULT_DB ?? 'postgresql://postgres@127.0.0.1:5432/vault',
    serviceUrls,
  };
}
