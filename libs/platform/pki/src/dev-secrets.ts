import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCertificateAuthority, describeCertificate, issueCertificate } from './certificate-authority';

export interface DevSecretsOptions {
  /** The ignored folder everything is written to (.secrets/ by default). */
  dir: string;
  identities: readonly string[];
  /** Database roles that get a generated password. */
  databases: readonly string[];
  /** Called with one line per thing created, for progress output. */
  onCreate?: (what: string) => void;
  /** Extra IP addresses every leaf names besides 127.0.0.1 (tools/zones' zone addresses). */
  ipAddresses?: readonly string[];
  /** Lifetime of a service certificate; short, since renewal is automatic. Default LEAF_VALID_DAYS. */
  leafValidDays?: number;
  /** The clock, for tests. */
  now?: () => Date;
}

const CA_VALID_DAYS = 365;
/** Service certificates live a week and are renewed at start once past half their life. */
export const LEAF_VALID_DAYS = 7;

/** A leaf is renewed once past half its life, or when it does not name every wanted address. */
export function leafNeedsRenewal(certPem: string, wantedIps: readonly string[], now: Date): boolean {
  const { notBefore, notAfter, ipAddresses } = describeCertificate(certPem);
  const halfLife = notBefore.getTime() + (notAfter.getTime() - notBefore.getTime()) / 2;
  return now.getTime() >= halfLife || wantedIps.some((ip) => !ipAddresses.includes(ip));
}

function writeSecret(file: string, content: string | Buffer) {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, content, { mode: 0o600 });
}

interface LeafPolicy {
  ipAddresses: readonly string[];
  validDays: number;
  now: Date;
}

function ensureCertificates(tlsDir: string, identities: readonly string[], policy: LeafPolicy, onCreate: (what: string) => void) {
  const caKeyFile = path.join(tlsDir, 'ca.key');
  const caCertFile = path.join(tlsDir, 'ca.crt');
  if (!existsSync(caCertFile)) {
    const ca = createCertificateAuthority('Storefront Dev Root CA', CA_VALID_DAYS);
    writeSecret(caKeyFile, ca.keyPem);
    writeSecret(caCertFile, ca.certPem);
    onCreate('certificate authority');
  }
  const ca = { keyPem: readFileSync(caKeyFile, 'utf8'), certPem: readFileSync(caCertFile, 'utf8') };
  const ipAddresses = ['127.0.0.1', ...policy.ipAddresses.filter((ip) => ip !== '127.0.0.1')];
  for (const name of identities) {
    const certFile = path.join(tlsDir, `${name}.crt`);
    if (existsSync(certFile) && !leafNeedsRenewal(readFileSync(certFile, 'utf8'), ipAddresses, policy.now)) continue;
    // Both localhost (local mode) and the compose service name (Docker) are in the SAN.
    const leaf = issueCertificate(ca, { commonName: name, dnsNames: [name, 'localhost'], ipAddresses, validDays: policy.validDays });
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
 * password per database role. Existing files are kept; a certificate past
 * half its (short) life is renewed, so a restart always runs on fresh ones.
 */
export function ensureDevSecrets(options: DevSecretsOptions): void {
  const { dir, identities, databases, onCreate = () => undefined } = options;
  const policy = { ipAddresses: options.ipAddresses ?? [], validDays: options.leafValidDays ?? LEAF_VALID_DAYS, now: (options.now ?? (() => new Date()))() };
  ensureCertificates(path.join(dir, 'tls'), identities, policy, onCreate);
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
