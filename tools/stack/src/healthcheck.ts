import { loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';

/**
 * Container health check: GET /healthz over mutual TLS with the container's
 * own identity (every project identity may ask for health).
 * Usage: node healthcheck.js <identity> <port>
 */
const [identity, port] = process.argv.slice(2);
const tlsDir = process.env.TLS_DIR ?? '/run/secrets/storefront/tls';
const client = new ServiceClient({ name: identity, baseUrl: `https://localhost:${port}` }, loadTlsIdentity(tlsDir, identity));
client
  .request({ method: 'GET', path: '/healthz', timeoutMs: 3000 })
  .then((res) => process.exit(res.status === 200 ? 0 : 1))
  .catch(() => process.exit(1));
