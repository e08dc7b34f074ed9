import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Runs inside a namespace: one HTTPS request to the gateway from a chosen source address, as a browser trusting the
// project CA sends it (Origin, bearer token, JSON), reported as one JSON line.
const REQUEST_FROM = `
const [url, method, localAddress, caFile, token, body] = process.argv.slice(1);
const headers = { origin: new URL(url).origin };
if (token) headers.authorization = 'Bearer ' + token;
if (body) headers['content-type'] = 'application/json';
const req = require('node:https').request(url, {
  method, localAddress, headers, ca: require('node:fs').readFileSync(caFile), timeout: 5000,
}, (res) => {
  let text = '';
  res.on('data', (chunk) => (text += chunk));
  res.on('end', () => { process.stdout.write(JSON.stringify({ status: res.statusCode, text })); process.exit(0); });
});
req.on('timeout', () => req.destroy(new Error('ETIMEDOUT')));
req.on('error', (error) => { process.stdout.write(JSON.stringify({ error: error.code ?? error.message })); process.exit(0); });
req.end(body || undefined);
`;

export interface CallResult<T> {
  status?: number;
  body?: T;
  text?: string;
  error?: string;
}

/**
 * One gateway call whose TCP peer is `localAddress`, an address of
 * `namespace` (a process outside the namespace cannot bind to it): what the
 * gateway sees is the real source, no header involved.
 */
export async function callFrom<T = unknown>(
  where: { namespace: string; localAddress: string },
  baseUrl: string,
  tlsDir: string,
  request: { method: string; route: string; token?: string; body?: unknown },
): Promise<CallResult<T>> {
  const args = [`${baseUrl}${request.route}`, request.method, where.localAddress, path.join(tlsDir, 'ca.crt'), request.token ?? '', request.body === undefined ? '' : JSON.stringify(request.body)];
  const { stdout } = await run('ip', ['netns', 'exec', where.namespace, process.execPath, '-e', REQUEST_FROM, ...args], { timeout: 20_000 });
  const result = JSON.parse(stdout) as { status?: number; text?: string; error?: string };
  if (result.text === undefined) return result as CallResult<T>;
  let body: unknown = result.text;
  try {
    body = result.text ? JSON.parse(result.text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { ...result, body: body as T };
}
