import { Agent, request } from 'undici';

/**
 * The attacker's HTTP client: talks to the gateway like any program on the
 * internet would, trusting the project CA (so TLS errors are never confused
 * with a defence). Paths are sent byte for byte (origin + path, not a URL):
 * a WHATWG URL would normalise `..` and `%2e%2e` away before the gateway
 * ever saw them. Every response is kept in `transcript`, so later scenarios
 * can scan all of it (for a card number, for instance).
 */
export class AttackClient {
  /**
   * @param {{ baseUrl: string, ca: string, timeoutMs?: number, localAddress?: string }} options
   *   localAddress: the source address (e.g. 127.0.0.101), so per-address limits and blocks land on this client alone.
   * @param {ExchangeTrace} [options.trace] the attack lab's tagging; absent (npm run attack, CI) nothing is added to a request.
   */
  constructor({ baseUrl, ca, timeoutMs = 30_000, localAddress, trace }) {
    this.baseUrl = baseUrl;
    this.origin = new URL(baseUrl).origin;
    this.ca = ca;
    this.localAddress = localAddress;
    this.trace = trace;
    this.dispatcher = new Agent({ connect: { ca }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, ...(localAddress ? { localAddress } : {}) });
    /** @type {{ method: string, path: string, status: number, text: string }[]} */
    this.transcript = [];
  }

  /**
   * @param {string} method
   * @param {string} path  sent as-is
   * @param {{ body?: unknown, rawBody?: string, token?: string, headers?: Record<string,string>, origin?: string | false }} [options]
   *   origin: the Origin header; defaults to the store's own origin (as its storefront script would send), false to omit it.
   */
  async call(method, path, options = {}) {
    const headers = { ...(options.headers ?? {}) };
    const origin = options.origin === undefined ? this.origin : options.origin;
    if (origin !== false) headers.origin ??= origin;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const correlationId = this.trace?.nextCorrelationId();
    if (correlationId) headers['x-correlation-id'] = correlationId;
    const started = performance.now();
    let res;
    let text;
    try {
      res = await request({ origin: this.origin, path, method, headers, body, dispatcher: this.dispatcher });
      text = await res.body.text();
    } catch (error) {
      // No answer at all (refused, reset, timed out) is part of the trace too.
      this.trace?.onExchange({ at: new Date().toISOString(), method, path, status: 0, correlationId });
      throw error;
    }
    const ms = Math.round(performance.now() - started);
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined; // HTML, SVG or empty: callers use .text
    }
    this.transcript.push({ method, path, status: res.statusCode, text });
    const error = json?.error;
    this.trace?.onExchange({
      at: new Date().toISOString(),
      method,
      path,
      status: res.statusCode,
      ...(typeof error?.code === 'string' ? { code: error.code } : {}),
      ...(typeof error?.reference === 'string' ? { reference: error.reference } : {}),
      correlationId,
    });
    return { status: res.statusCode, headers: res.headers, body: json, text, ms };
  }

  close() {
    return this.dispatcher.close();
  }
}

/**
 * @typedef {{ at: string, method: string, path: string, status: number, code?: string, reference?: string, correlationId?: string }} Exchange
 *   one request and its answer (status 0: no answer)
 * @typedef {{ nextCorrelationId: () => string, onExchange: (exchange: Exchange) => void }} ExchangeTrace
 *   the attack lab's hook: every request of a run carries the next `x-correlation-id` (lab-<run><secret>-<n>), which the
 *   gateway passes on to every security event the request causes, and each exchange is reported as it completes.
 *   Shared by all the clients of a run, so the numbering is the run's.
 */

/** `409 EMAIL_TAKEN`-style summary of a response for evidence lines. */
export function brief(res) {
  const code = res.body?.error?.code;
  return code ? `${res.status} ${code}` : String(res.status);
}
