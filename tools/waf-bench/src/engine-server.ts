import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { createWaf, type WafExclusion, type WafRequest } from '@storefront/edge/waf';
import { loadCorpus } from './corpus';

/**
 * Stand-in for the gateway's edge: node:http that runs the engine on every request and then
 * proxies to the upstream, as nginx + ModSecurity does, so their requests/s compare.
 * argv: <port> <upstream port>. Prints its port when ready.
 */
const MAX_BODY = 1024 * 1024;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

const exclusions: readonly WafExclusion[] = loadCorpus().exclusions;
const waf = createWaf({ paranoiaLevel: 1, anomalyThreshold: 5, exclusions });
const upstreamPort = Number(process.argv[3]);
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function parseBody(raw: string, contentType: string): unknown {
  if (raw === '') return undefined;
  if (contentType.includes('json')) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw;
    }
  }
  return raw;
}

function forward(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
  const upstream = request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers, agent }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  upstream.end(body);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY) chunks.push(chunk);
  });
  req.on('end', () => {
    if (size > MAX_BODY) {
      res.writeHead(413).end();
      return;
    }
    const body = Buffer.concat(chunks);
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const contentType = req.headers['content-type'] ?? '';
    const inspected: WafRequest = {
      method: req.method ?? 'GET',
      path: queryAt < 0 ? url : url.slice(0, queryAt),
      query: queryAt < 0 ? undefined : url.slice(queryAt + 1),
      headers: req.headers,
      body: parseBody(body.toString('utf8'), contentType),
      contentType,
    };
    if (waf.inspect(inspected).blocked) {
      res.writeHead(403, { 'content-type': 'application/json' }).end('{"error":{"code":"WAF_BLOCKED","message":"Request blocked by the web application firewall"}}');
      return;
    }
    forward(req, res, body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
});
