import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ProbeResult {
  connected: boolean;
  /** The error code when the connection failed (ECONNREFUSED, ENETUNREACH, ETIMEDOUT...). */
  error?: string;
}

// Runs inside the zone: a bare TCP connect, reported as one JSON line.
const CONNECT = `
const [host, port] = process.argv.slice(1);
const socket = require('node:net').connect({ host, port: Number(port), timeout: 3000 });
const done = (result) => { process.stdout.write(JSON.stringify(result)); socket.destroy(); process.exit(0); };
socket.on('connect', () => done({ connected: true }));
socket.on('timeout', () => done({ connected: false, error: 'ETIMEDOUT' }));
socket.on('error', (error) => done({ connected: false, error: error.code ?? error.message }));
`;

/**
 * Tries a real TCP connection from inside a zone, as root with `gid` (a
 * service's group, to stand where that service stands) or as a plain probe.
 */
export async function connectFrom(namespace: string, host: string, port: number, gid?: number): Promise<ProbeResult> {
  const { stdout } = await run('ip', ['netns', 'exec', namespace, process.execPath, '-e', CONNECT, host, String(port)], {
    timeout: 15_000,
    ...(gid === undefined ? {} : { gid }),
  });
  return JSON.parse(stdout) as ProbeResult;
}

// Runs inside the zone: one HTTPS request presenting a client certificate, reported as one JSON line.
const HTTPS_REQUEST = `
const [url, method, certFile, keyFile, caFile, body] = process.argv.slice(1);
const fs = require('node:fs');
const req = require('node:https').request(url, {
  method, key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile), ca: fs.readFileSync(caFile),
  checkServerIdentity: () => undefined, timeout: 5000, headers: { 'content-type': 'application/json' },
}, (res) => {
  let text = '';
  res.on('data', (chunk) => (text += chunk));
  res.on('end', () => { process.stdout.write(JSON.stringify({ status: res.statusCode, body: text })); process.exit(0); });
});
req.on('timeout', () => req.destroy(new Error('ETIMEDOUT')));
req.on('error', (error) => { process.stdout.write(JSON.stringify({ error: error.code ?? error.message })); process.exit(0); });
req.end(body);
`;

export interface HttpsProbeResult {
  status?: number;
  body?: string;
  error?: string;
}

/** POSTs (or other method) from inside a zone with a given certificate: what an attacker holding that certificate there gets. */
export async function httpsFrom(
  namespace: string,
  request: { url: string; method: string; body: string; cert: string; key: string; ca: string },
  gid?: number,
): Promise<HttpsProbeResult> {
  const args = [request.url, request.method, request.cert, request.key, request.ca, request.body];
  const { stdout } = await run('ip', ['netns', 'exec', namespace, process.execPath, '-e', HTTPS_REQUEST, ...args], {
    timeout: 20_000,
    ...(gid === undefined ? {} : { gid }),
  });
  return JSON.parse(stdout) as HttpsProbeResult;
}
