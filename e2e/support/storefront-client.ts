import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Agent, request } from 'undici';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as-is (for malformed JSON and oversized bodies). */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
}

/**
 * A shopper's HTTP client for the running store: talks only to the gateway,
 * trusting the project CA, exactly as a browser that trusts it would.
 */
export class StorefrontClient {
  private readonly dispatcher: Agent;

  /** `localAddress` (e.g. 127.0.0.7) makes this client another source address on loopback, for per-address limits. */
  constructor(
    readonly baseUrl: string,
    tlsDir: string,
    localAddress?: string,
  ) {
    this.dispatcher = new Agent({ connect: { ca: readFileSync(path.join(tlsDir, 'ca.crt'), 'utf8') }, ...(localAddress ? { localAddress } : {}) });
  }

  async call<T = unknown>(method: string, route: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { origin: this.baseUrl, ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await request(`${this.baseUrl}${route}`, { method: method as 'GET', headers, body, dispatcher: this.dispatcher });
    const text = await res.body.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (HTML, SVG): keep the text
    }
    return { status: res.statusCode, headers: res.headers, body: parsed as T, text };
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}
