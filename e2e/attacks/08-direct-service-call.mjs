import https from 'node:https';

/**
 * Going around the gateway: calling a service's port directly with a
 * client that trusts the CA but has no client certificate. Every service
 * requires mutual TLS, so the connection fails before any HTTP answer.
 * The vault is the one that matters (--vault-url); the others are probed too.
 */
function probe(url, ca) {
  return new Promise((resolve) => {
    const req = https.request(`${url}/healthz`, { ca, timeout: 5_000, agent: false }, (res) => {
      res.resume();
      resolve({ status: res.statusCode });
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    // OpenSSL messages run over several lines; the code (e.g. ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED) says it all.
    req.on('error', (error) => resolve({ error: error.code ?? error.message.split('\n')[0], code: error.code }));
    req.end();
  });
}

export default {
  id: 'direct-service-call',
  title: 'Calling services directly without a client certificate (payment-vault first)',
  layer: { number: 2, name: 'Private network' },
  stoppedMeans: 'no HTTP answer from any service: the TLS handshake wants a client certificate',
  order: 80,
  async run(ctx) {
    const targets = [['payment-vault', ctx.vaultUrl], ...Object.entries(ctx.serviceUrls).filter(([name]) => name !== 'payment-vault')];
    const evidence = [];
    const got = [];
    for (const [name, url] of targets) {
      const result = await probe(url, ctx.ca);
      if (result.status !== undefined) {
        evidence.push(`${name} ${url}/healthz → HTTP ${result.status}`);
        got.push(`${name} answered HTTP ${result.status} without a client certificate`);
      } else {
        evidence.push(`${name} ${url}/healthz → no HTTP answer (${result.error})`);
        // Nothing listening proves nothing about mTLS: for the vault that means the attack was not carried out.
        if (name === 'payment-vault' && result.code === 'ECONNREFUSED') throw new ctx.SetupError(`nothing listens on ${url}; pass --vault-url`);
      }
    }
    return { stopped: got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') };
  },
};
