// The attack lab's HTTP surface, as a function of (runs, request) so it can be
// tested without sockets. The gateway forwards /api/attack-lab/* here as
// /attack-lab/* after checking attack-lab:run and a fresh second factor.
import { LabError } from './lab-runs.mjs';

/** Largest POST body: {"scenario":"<id>"} is a few dozen bytes. */
export const MAX_BODY_BYTES = 4096;

const RUNS = '/attack-lab/runs';
const ONE_RUN = /^\/attack-lab\/runs\/([^/]+)$/;

const error = (status, code, message) => ({ status, body: { error: { code, message } } });

/**
 * The answer to one request. `identity` is the common name of the client
 * certificate (the TLS layer already refused anything not from the project
 * CA): only the gateway may launch and read runs; `ops` (the launcher's
 * health probe) may read /healthz.
 */
export function labResponse(runs, { method, url, identity, rawBody }) {
  const path = url.split('?')[0];
  if (path === '/healthz' && method === 'GET' && (identity === 'gateway' || identity === 'ops')) return { status: 200, body: { status: 'ok' } };
  if (identity !== 'gateway') return error(403, 'CLIENT_NOT_ALLOWED', 'Only the gateway may call the attack lab.');
  try {
    if (path === RUNS) {
      if (method !== 'POST') return error(405, 'METHOD_NOT_ALLOWED', `${RUNS} takes POST.`);
      let body;
      try {
        body = JSON.parse(rawBody ?? '');
      } catch {
        return error(400, 'MALFORMED_JSON', 'The body must be JSON: {"scenario": "<id>"}.');
      }
      return { status: 202, body: { run: runs.launch(body) } };
    }
    const one = ONE_RUN.exec(path);
    if (one) {
      if (method !== 'GET') return error(405, 'METHOD_NOT_ALLOWED', 'A run is read with GET.');
      return { status: 200, body: { run: runs.find(one[1]) } };
    }
    return error(404, 'NOT_FOUND', 'No such attack lab route.');
  } catch (failure) {
    if (failure instanceof LabError) return error(failure.status, failure.code, failure.message);
    throw failure;
  }
}
