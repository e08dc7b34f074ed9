import net from 'node:net';
import { Client } from 'pg';
import Redis from 'ioredis';

export class PreflightError extends Error {}

async function checkPostgres(adminUrl: string) {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new PreflightError(
      `PostgreSQL is not reachable at ${new URL(adminUrl).host} (${(error as Error).message}).\n` +
        `  Fix: start it, e.g. sudo pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n` +
        `  or point STOREFRONT_POSTGRES_ADMIN_URL at a superuser connection.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(redisUrl: string) {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  redis.on('error', () => undefined); // reported through connect()'s rejection below
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new PreflightError(
      `Redis is not reachable at ${new URL(redisUrl).host} (${(error as Error).message}).\n` +
        `  Fix: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no\n` +
        `  or point STOREFRONT_REDIS_URL at your Redis.`,
    );
  } finally {
    redis.disconnect();
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function checkPorts(ports: Array<{ name: string; port: number }>) {
  const taken = [];
  for (const entry of ports) if (!(await portIsFree(entry.port))) taken.push(entry);
  if (taken.length) {
    const list = taken.map((t) => `${t.port} (${t.name})`).join(', ');
    throw new PreflightError(
      `Port ${list} ${taken.length > 1 ? 'are' : 'is'} already in use.\n` +
        `  Fix: stop whatever listens there (ss -ltnp | grep -E '${taken.map((t) => t.port).join('|')}'), e.g. an earlier npm start.`,
    );
  }
}

/** Fails fast, before anything is created, naming the fix. */
export async function preflight(options: { postgresAdminUrl: string; redisUrl: string; ports: Array<{ name: string; port: number }> }) {
  await checkPostgres(options.postgresAdminUrl);
  await checkRedis(options.redisUrl);
  await checkPorts(options.ports);
}
