import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { Server } from 'node:tls';
import type { ServiceTlsOptions } from '@storefront/platform/http';
import { loadTlsIdentity, type TlsIdentity } from './tls-identity';

/** How often a service re-reads its certificate: well under a certificate's life (days), so a renewal lands within a minute. */
export const TLS_RELOAD_INTERVAL_MS = 60_000;

/**
 * The identity now on disk when it differs from `current` and is usable, else
 * undefined. "Usable" means the key matches the certificate and the
 * certificate still names this identity: a renewal writes the key and the
 * certificate as two files, and a read between the two writes must not
 * swap in a half-renewed pair (the next read picks up the whole one).
 */
export function readRenewedIdentity(current: TlsIdentity): TlsIdentity | undefined {
  if (!current.tlsDir) return undefined;
  let next: TlsIdentity;
  try {
    next = loadTlsIdentity(current.tlsDir, current.name);
  } catch {
    return undefined; // a file briefly missing while it is replaced
  }
  if (next.cert === current.cert && next.key === current.key && next.ca === current.ca) return undefined;
  try {
    const certificate = new X509Certificate(next.cert);
    if (!certificate.checkPrivateKey(createPrivateKey(next.key))) return undefined;
    if (!certificate.subject.split('\n').includes(`CN=${current.name}`)) return undefined;
  } catch {
    return undefined;
  }
  return next;
}

/**
 * Certificates are short-lived (a week) and renewed by the launcher, so a
 * long-running service re-reads its identity from disk every `intervalMs`
 * and hands each renewal to `onRenewed`. Identities not read from a folder
 * (built in memory by a test) are never reloaded. Returns the stop function.
 */
export function watchTlsIdentity(identity: TlsIdentity, onRenewed: (renewed: TlsIdentity) => void, intervalMs = TLS_RELOAD_INTERVAL_MS): () => void {
  if (!identity.tlsDir) return () => undefined;
  let current = identity;
  const timer = setInterval(() => {
    const renewed = readRenewedIdentity(current);
    if (!renewed) return;
    current = renewed;
    onRenewed(renewed);
  }, intervalMs);
  // The timer alone must never keep a process (or a test run) alive.
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Makes a listening TLS server present each renewed certificate on new
 * connections, without a restart: setSecureContext swaps the context that
 * later handshakes use; connections already open keep theirs.
 */
export function reloadServerCertificate(server: Server, identity: TlsIdentity, toOptions: (identity: TlsIdentity) => ServiceTlsOptions, intervalMs?: number): void {
  const stop = watchTlsIdentity(identity, (renewed) => server.setSecureContext(toOptions(renewed)), intervalMs);
  server.once('close', stop);
}
