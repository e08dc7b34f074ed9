import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';

/**
 * An attacker who has taken over the catalog service holds its client
 * certificate and key, both valid and signed by the project CA. With them
 * the TLS handshake with the payment vault succeeds, but the vault's
 * per-route allow-list names who may tokenize (the gateway) and charge (the
 * order service): the catalog gets 403 CLIENT_NOT_ALLOWED on both. (Inside
 * network namespaces, npm run start:zones, the network refuses it even
 * earlier: e2e/zones/stolen-certificate.e2e-spec.ts.)
 */
const ROUTES = [
  ['tokenize a card', '/payments/cards', { number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123', holder: 'Mallory' }],
  ['charge a token', '/internal/charges', { cardToken: 'tok_stolen', amountCents: 100, currency: 'USD' }],
];

function post(url, body, tls) {
  return new Promise((resolve) => {
    const req = https.request(url, { method: 'POST', ...tls, agent: false, timeout: 10_000, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => resolve({ error: error.code ?? error.message.split('\n')[0] }));
    req.end(JSON.stringify(body));
  });
}

export default {
  id: 'stolen-catalog-certificate',
  title: "A stolen catalog client certificate calling the payment vault (tokenize, charge)",
  layer: { number: 2, name: 'Private network' },
  stoppedMeans: 'the handshake succeeds but the vault answers 403 CLIENT_NOT_ALLOWED to the catalog identity on every route',
  order: 37,
  async run(ctx) {
    let tls;
    try {
      const read = (name) => readFileSync(path.join(ctx.tlsDir, name));
      tls = { cert: read('catalog.crt'), key: read('catalog.key'), ca: read('ca.crt') };
    } catch {
      throw new ctx.SetupError(`no catalog certificate in ${ctx.tlsDir} (the thief needs one: run against a local stack or pass --ca from its TLS folder)`);
    }
    const evidence = [];
    const got = [];
    for (const [name, route, body] of ROUTES) {
      const res = await post(`${ctx.vaultUrl}${route}`, body, tls);
      if (res.error) throw new ctx.SetupError(`${name}: no HTTP answer (${res.error}); is the vault at ${ctx.vaultUrl}?`);
      let code;
      try {
        code = JSON.parse(res.text).error?.code;
      } catch {
        code = undefined;
      }
      evidence.push(`as catalog: POST ${route} (${name}) → ${res.status} ${code ?? ''}`.trim());
      if (res.status !== 403 || code !== 'CLIENT_NOT_ALLOWED') got.push(`${name}: ${res.status} ${res.text.slice(0, 160)}`);
    }
    return { stopped: got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') };
  },
};
