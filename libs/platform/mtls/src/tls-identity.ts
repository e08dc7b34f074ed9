import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServiceTlsOptions } from '@storefront/platform/http';

/** One service's certificate, key and the project CA, as issued by the dev PKI. */
export interface TlsIdentity {
  name: string;
  key: string;
  cert: string;
  ca: string;
  /** The folder it was read from, so a renewed certificate there can be reloaded (see watchTlsIdentity). */
  tlsDir?: string;
}

export function loadTlsIdentity(tlsDir: string, name: string): TlsIdentity {
  const read = (file: string) => readFileSync(path.join(tlsDir, file), 'utf8');
  return { name, key: read(`${name}.key`), cert: read(`${name}.crt`), ca: read('ca.crt'), tlsDir };
}

/** Internal listeners: TLS 1.3 and a client certificate from the project CA, or no handshake at all. */
export function mtlsServerOptions(identity: TlsIdentity): ServiceTlsOptions {
  return { key: identity.key, cert: identity.cert, ca: identity.ca, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.3' };
}

/** The public listener (gateway): server authentication only, TLS 1.2 or newer for browsers. */
export function publicServerOptions(identity: TlsIdentity): ServiceTlsOptions {
  return { key: identity.key, cert: identity.cert, minVersion: 'TLSv1.2' };
}
