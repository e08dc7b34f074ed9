import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { certificateExpiry, createCertificateAuthority, issueCertificate } from './certificate-authority';

export interface DevSecretsOptions {
  /** The ignored folder everything is written to (.secrets/ by default). */
  dir: string;
  identities: readonly string[];
  /** Database roles that get a generated password. */
  databases: readonly string[];
  /** Called with one line per thing created, for progress output. */
  onCreate?: (what: string) => void;
}

const CA_VALID_DAYS = 365;
const LEAF_VALID_DAYS = 30;
const RENEW_BEFORE_DAYS = 7;

function writeSecret(file: string, content: string | Buffer) {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, content, { mode: 0o600 });
}

function ensureCertificates(tlsDir: string, identities: readonly string[], onCreate: (what: string) => void) {
  const caKeyFile = path.join(tlsDir, 'ca.key');
  const caCertFile = path.join(tlsDir, 'ca.crt');
  if (!existsSync(caCertFile)) {
    const ca = createCertificateAuthority('Storefront Dev Root CA', CA_VALID_DAYS);
    writeSecret(caKeyFile, ca.keyPem);
    writeSecret(caCertFile, ca.certPem);
    onCreate('certificate authority');
  }
  const ca = { keyPem: readFileSync(caKeyFile, 'utf8'), certPem: readFileSync(caCertFile, 'utf8') };
  const renewAfter = Date.now() + RENEW_BEFORE_DAYS * 86_400_000;
  for (const name of identities) {
    const certFile = path.join(tlsDir, `${name}.crt`);
    if (existsSync(certFile) && certificateExpiry(readFileSync(certFile, 'utf8')).getTime() > renewAfter) continue;
    // Both localhost (local mode) and the compose service name (Docker) are in the SAN.
    const leaf = issueCertificate(ca, { commonName: name, dnsNames: [name, 'localhost'], ipAddresses: ['127.0.0.1'], validDays: LEAF_VALID_DAYS });
    writeSecret(path.join(tlsDir, `${name}.key`), leaf.keyPem);
    writeSecret(certFile, leaf.certPem);
    onCreate(`certificate for ${name}`);
  }
}

function ensureFile(file: string, make: () => string | Buffer, what: string, onCreate: (what: string) => void) {
  if (existsSync(file)) return;
  writeSecret(file, make());
  onCreate(what);
}

/**
 * Creates, once, every development secret the stack needs: the CA and a
 * certificate per service, the token signing key, the KMS root key and a
 * password per database role. Existing files are kept; certificates close
 * to expiry are renewed.
 */
export function ensureDevSecrets({ dir, identities, databases, onCreate = () => undefined }: DevSecretsOptions): void {
  ensureCertificates(path.join(dir, 'tls'), identities, onCreate);
  ensureFile(
    path.join(dir, 'auth', 'jwt-signing-key.pem'),
    () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    'token signing key (ES256)',
    onCreate,
  );
  ensureFile(path.join(dir, 'kms', 'root.key'), () => randomBytes(32).toString('base64'), 'KMS root key', onCreate);
  ensureFile(path.join(dir, 'vault', 'fingerprint.key'), () => randomBytes(32).toString('base64'), 'card fingerprint key', onCreate);
  ensureFile(path.join(dir, 'monitor', 'audit-hmac.key'), () => randomBytes(32).toString('base64'), 'audit log HMAC key', onCreate);
  for (const database of databases) {
    ensureFile(path.join(dir, 'db', `${database}.password`), () => randomBytes(18).toString('base64url'), `password for database role ${database}`, onCreate);
  }
}
