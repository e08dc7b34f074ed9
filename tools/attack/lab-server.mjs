#!/usr/bin/env node
// node tools/attack/lab-server.mjs [--port 3007] [--base-url https://localhost:8443 --ca .secrets/tls/ca.crt --vault-db URL]
// The attack lab's runner: the attacker's machine, a process of its own and
// never part of the store. The web page's "Launch" goes to the gateway
// (/api/attack-lab/runs, attack-lab:run), which alone may call this server
// (mutual TLS, the `gateway` certificate); each run is one scenario of
// e2e/attacks carried out by the same harness as `npm run attack`, against the
// store's public address, every request tagged `x-correlation-id:
// lab-<run>-<n>` so the monitor's stored events can be matched to it.
import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { labResponse, MAX_BODY_BYTES } from './lab-routes.mjs';
import { LabRuns } from './lab-runs.mjs';
import { isLoopback, loadScenarios, loopbackAddresses, openRun, runOne } from './runner.mjs';
import { TARGET_OPTIONS, TARGET_USAGE, targetFrom } from './target.mjs';

const USAGE = `usage: node tools/attack/lab-server.mjs [options]
  --port PORT           where the lab listens (default: base port - 8443 + 3007)
  --host HOST           the address it binds (default 127.0.0.1)
${TARGET_USAGE}
The lab presents attack-lab.crt/.key from the CA's folder and accepts only the gateway's certificate.`;

/**
 * The lab's own source addresses (npm run attack uses 127.0.0.101–130, the e2e
 * spec 127.0.0.60–90), handed out in blocks of five: a run's main client and
 * four for ctx.newClient(). Runs rotate through the blocks, so the blocks and
 * budgets one run earns do not spoil the next nine.
 */
const RUN_ADDRESSES = loopbackAddresses(150, 50);
const ADDRESSES_PER_RUN = 5;

function options() {
  const { values } = parseArgs({ options: { ...TARGET_OPTIONS, port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const target = targetFrom(values);
  const port = Number(values.port ?? Number(new URL(target.baseUrl).port || 443) - 8443 + 3007);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`--port must be a TCP port, not ${values.port}`);
  return { ...target, port, host: values.host ?? '127.0.0.1' };
}

/** Carries out one scenario per run, each from the next block of source addresses. */
function executorFor(opts, ca) {
  let block = 0;
  const local = isLoopback(opts.baseUrl);
  return async (scenario, recorder) => {
    const addresses = local ? RUN_ADDRESSES.slice(block * ADDRESSES_PER_RUN, (block + 1) * ADDRESSES_PER_RUN) : [];
    block = (block + 1) % (RUN_ADDRESSES.length / ADDRESSES_PER_RUN);
    recorder.log(`${scenario.title}: from ${addresses[0] ?? 'this machine'}, requests tagged ${recorder.correlationPrefix}-<n>`);
    const { ctx, close } = openRun({
      ...opts,
      ca,
      localAddress: addresses[0],
      sourceAddresses: addresses.slice(1),
      log: recorder.log,
      trace: { nextCorrelationId: recorder.nextCorrelationId, onExchange: recorder.onExchange },
    });
    try {
      const result = await runOne(scenario, ctx);
      recorder.log(`${result.verdict} after ${(result.ms / 1000).toFixed(1)} s`);
      return result;
    } finally {
      await close();
    }
  };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(Object.assign(new Error('too large'), { tooLarge: true }));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function main() {
  const opts = options();
  const ca = readFileSync(opts.caFile, 'utf8');
  const identity = (name) => readFileSync(path.join(opts.tlsDir, name));
  const runs = new LabRuns({ scenarios: await loadScenarios(), execute: executorFor(opts, ca) });
  const server = https.createServer(
    { key: identity('attack-lab.key'), cert: identity('attack-lab.crt'), ca, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.3' },
    async (req, res) => {
      try {
        const rawBody = await readBody(req);
        const client = req.socket.getPeerCertificate()?.subject?.CN;
        const answer = labResponse(runs, { method: req.method ?? 'GET', url: req.url ?? '/', identity: client, rawBody });
        send(res, answer.status, answer.body);
      } catch (error) {
        if (error?.tooLarge) send(res, 413, { error: { code: 'PAYLOAD_TOO_LARGE', message: `A request body may hold at most ${MAX_BODY_BYTES} bytes.` } });
        else {
          console.error(error?.stack ?? error);
          send(res, 500, { error: { code: 'INTERNAL', message: 'The attack lab failed; see its log.' } });
        }
      }
    },
  );
  server.listen(opts.port, opts.host, () => console.log(`attack lab on https://${opts.host}:${opts.port}, attacking ${opts.baseUrl}`));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exit(2);
});
