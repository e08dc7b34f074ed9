import tls from 'node:tls';

/**
 * Slow-loris: open a connection and send the request headers a line at a
 * time, never finishing, to hold a worker forever. The gateway gives a
 * client HEADERS_TIMEOUT_SECONDS (10 by default) to send its headers and
 * then closes the connection, whatever keeps trickling in.
 */
const TRICKLE_EVERY_MS = 2_000;
const GIVE_UP_MS = 45_000;

export default {
  id: 'slow-loris',
  title: 'Slow-loris: request headers trickled in a line every 2 s, never finished',
  layer: { number: 1, name: 'Edge shield' },
  stoppedMeans: 'the gateway closes the connection after its header timeout (10 s by default), well before the attacker gives up (45 s)',
  order: 85,
  async run(ctx) {
    const { hostname, port } = new URL(ctx.baseUrl);
    const { localAddress } = ctx.newClient();
    const socket = tls.connect({ host: hostname, port: Number(port || 443), ca: ctx.ca, servername: hostname, ...(localAddress ? { localAddress } : {}) });
    const started = Date.now();
    let received = '';
    let lines = 0;
    const outcome = await new Promise((resolve) => {
      let timer;
      const finish = (how) => {
        clearInterval(timer);
        resolve(how);
      };
      socket.once('secureConnect', () => {
        socket.write(`GET /api/products HTTP/1.1\r\nHost: ${hostname}\r\n`);
        timer = setInterval(() => {
          if (Date.now() - started > GIVE_UP_MS) return finish('still open');
          lines++;
          socket.write(`X-Slow-${lines}: ${'a'.repeat(8)}\r\n`);
        }, TRICKLE_EVERY_MS);
      });
      socket.on('data', (chunk) => (received += chunk.toString('latin1')));
      socket.once('close', () => finish('closed'));
      socket.once('error', () => undefined); // a reset is the server closing too; 'close' follows
    });
    socket.destroy();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (outcome === 'closed' && lines === 0 && !received) throw new ctx.SetupError('the connection closed before the attack began (TLS refused?)');
    const status = received.match(/^HTTP\/1\.1 (\d{3})/)?.[1];
    const evidence = `${lines} header lines trickled; connection ${outcome === 'closed' ? `closed by the gateway after ${seconds} s${status ? ` with HTTP ${status}` : ''}` : `still open after ${seconds} s`}`;
    return { stopped: outcome === 'closed', evidence, attackerGot: outcome === 'closed' ? '' : `a connection held for ${seconds} s` };
  },
};
