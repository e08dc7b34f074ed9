import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { DomainError } from '@storefront/platform/http';
import { CORRELATION_HEADER, currentCorrelationId } from '@storefront/platform/logging';
import type { TlsIdentity } from './tls-identity';
import { watchTlsIdentity } from './tls-identity-reloader';

export interface ServiceTarget {
  /** The identity the server's certificate must carry (its common name). */
  name: string;
  /** https://host:port */
  baseUrl: string;
}

export interface ServiceRequest {
  method: string;
  path: string;
  body?: Buffer | string | object;
  headers?: Record<string, string | undefined>;
  timeoutMs?: number;
}

export interface ServiceResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** A service certificate as presented on the wire. */
export interface PeerCertificate {
  identity: string;
  subjectAltNames: string[];
  validFrom: string;
  validTo: string;
  fingerprint256: string;
}

/**
 * Calls another service over mutual TLS: presents this service's
 * certificate, accepts only a server certificate from the project CA whose
 * identity is the expected service, and forwards the correlation id.
 */
export class ServiceClient {
  private agent: https.Agent;

  private tlsOptions: https.AgentOptions;

  private readonly stopReloading: () => void;

  constructor(
    private readonly target: ServiceTarget,
    identity: TlsIdentity,
    /** How often a renewed certificate is looked for on disk (TLS_RELOAD_INTERVAL_MS by default). */
    options: { tlsReloadIntervalMs?: number } = {},
  ) {
    this.tlsOptions = this.tlsOptionsFor(identity);
    this.agent = new https.Agent({ keepAlive: true, ...this.tlsOptions });
    this.stopReloading = watchTlsIdentity(identity, (renewed) => this.presentRenewed(renewed), options.tlsReloadIntervalMs);
  }

  private tlsOptionsFor(identity: TlsIdentity): https.AgentOptions {
    const expected = this.target.name;
    return {
      key: identity.key,
      cert: identity.cert,
      ca: identity.ca,
      minVersion: 'TLSv1.3',
      // Verify who answers by identity, not by host name: the same certificate serves localhost and compose DNS names.
      checkServerIdentity: (_host, cert) => (cert.subject?.CN === expected ? undefined : new Error(`expected ${expected}, got ${cert.subject?.CN}`)),
    };
  }

  /**
   * New connections present the renewed certificate. Idle keep-alive sockets
   * of the old agent are closed now (they would keep the old certificate);
   * busy ones finish their request and are then closed by the server's idle timeout.
   */
  private presentRenewed(identity: TlsIdentity): void {
    const previous = this.agent;
    this.tlsOptions = this.tlsOptionsFor(identity);
    this.agent = new https.Agent({ keepAlive: true, ...this.tlsOptions });
    for (const sockets of Object.values(previous.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
  }

  /** Raw exchange: any status comes back; only a transport failure throws (503). */
  request(req: ServiceRequest): Promise<ServiceResponse> {
    const payload = req.body === undefined ? undefined : Buffer.isBuffer(req.body) || typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers ?? {})) if (value !== undefined) headers[name] = value;
    const correlationId = currentCorrelationId();
    if (correlationId) headers[CORRELATION_HEADER] = correlationId;
    if (payload !== undefined) {
      headers['content-type'] ??= 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const url = new URL(req.path, this.target.baseUrl);
    return new Promise((resolve, reject) => {
      const outgoing = https.request(url, { method: req.method, headers, agent: this.agent, timeout: req.timeoutMs ?? DEFAULT_TIMEOUT_MS }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', (error) => reject(this.unavailable(error)));
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
      outgoing.on('error', (error) => reject(this.unavailable(error)));
      if (payload !== undefined) outgoing.write(payload);
      outgoing.end();
    });
  }

  /**
   * JSON exchange: a 2xx body is returned; a 4xx from the other service is
   * rethrown with its own code and status so the caller's client sees the
   * real reason; anything else is 503.
   */
  async json<T>(req: ServiceRequest): Promise<T> {
    const res = await this.request(req);
    const parsed = res.body.length ? (JSON.parse(res.body.toString('utf8')) as unknown) : undefined;
    if (res.status >= 200 && res.status < 300) return parsed as T;
    const error = (parsed as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | undefined)?.error;
    if (res.status >= 400 && res.status < 500 && error?.code) {
      throw new DomainError(error.code, error.message ?? 'Refused by a downstream service.', res.status, error.details);
    }
    throw new DomainError('SERVICE_UNAVAILABLE', `The ${this.target.name} service could not complete the request.`, 503);
  }

  /**
   * The certificate the other service presents on the wire (after the same
   * identity check as every call), read from a health check: what it really
   * serves, not what a file on this host says.
   */
  async peerCertificate(): Promise<PeerCertificate> {
    const url = new URL('/healthz', this.target.baseUrl);
    return new Promise((resolve, reject) => {
      // A connection of its own: a reused keep-alive socket may no longer hold the peer's certificate.
      const outgoing = https.request(url, { method: 'GET', ...this.tlsOptions, agent: false, timeout: 5_000 }, (res) => {
        const cert = (res.socket as TLSSocket).getPeerCertificate();
        res.resume();
        const validFrom = Date.parse(cert.valid_from ?? '');
        const validTo = Date.parse(cert.valid_to ?? '');
        if (Number.isNaN(validFrom) || Number.isNaN(validTo)) return reject(this.unavailable(new Error('no peer certificate on the connection')));
        resolve({
          identity: [cert.subject?.CN ?? ''].flat()[0],
          subjectAltNames: (cert.subjectaltname ?? '').split(', ').filter(Boolean),
          validFrom: new Date(validFrom).toISOString(),
          validTo: new Date(validTo).toISOString(),
          fingerprint256: cert.fingerprint256,
        });
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
      outgoing.on('error', (error) => reject(this.unavailable(error)));
      outgoing.end();
    });
  }

  close(): void {
    this.stopReloading();
    this.agent.destroy();
  }

  private unavailable(cause: Error): DomainError {
    return new DomainError('SERVICE_UNAVAILABLE', `The ${this.target.name} service is not reachable right now.`, 503, {
      service: this.target.name,
      reason: cause.message,
    });
  }
}
