import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Agent, request } from 'undici';

export type Call = (
  method: string,
  route: string,
  options?: { token?: string; body?: unknown; headers?: Record<string, string> },
) => Promise<{ status: number; body: unknown }>;

/**
 * A JSON client for the gateway, trusting the stack's CA. `localAddress`
 * (127.x.y.z) makes it another source address on loopback, for limits and
 * monitor rules that count per address.
 */
export function benchClient(baseUrl: string, tlsDir: string, connections: number, localAddress?: string): Call {
  const dispatcher = new Agent({ connect: { ca: readFileSync(path.join(tlsDir, 'ca.crt'), 'utf8') }, connections, ...(localAddress ? { localAddress } : {}) });
  return async (method, route, options = {}) => {
    const headers: Record<string, string> = { origin: baseUrl, ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await request(`${baseUrl}${route}`, { method: method as 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), dispatcher });
    const text = await res.body.text();
    return { status: res.statusCode, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
}

/** Registers a fresh customer and signs it in; returns its access token. */
export async function signUpShopper(call: Call): Promise<string> {
  const email = `bench-${randomUUID()}@example.test`;
  const password = `pw-${randomUUID()}`;
  await call('POST', '/api/auth/register', { body: { email, password, name: 'Bench Shopper' } });
  const login = await call('POST', '/api/auth/login', { body: { email, password } });
  if (login.status !== 200) throw new Error(`bench sign-in failed: ${login.status}`);
  return (login.body as { accessToken: string }).accessToken;
}

/** A card for tokenization; `number` defaults to the approving test card. */
export const benchCard = (number = '4242424242424242') => ({ number, expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123', holder: 'Bench' });
