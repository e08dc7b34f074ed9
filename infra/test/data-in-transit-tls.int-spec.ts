import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PrismaPg } from '@prisma/adapter-pg';
import { Queue } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisTlsOptions } from '@storefront/platform/config';
import { createTestPki, freePort } from '@storefront/platform/testing';
import { withVerifiedTls } from '../../tools/stack/src/database-tls';
import { postgresBin } from '../../tools/zones/src/vault-database';

/**
 * Compose runs PostgreSQL and Redis on TLS alone, with certificates from the
 * project CA; compose.int-spec.ts checks the file asks for it. This proves
 * the clients really do it: a throwaway TLS-only redis-server and PostgreSQL
 * on loopback, with certificates issued by the project's PKI code, reached
 * through the services' own connection setup (redisTlsOptions for ioredis
 * and BullMQ; a verify-full URL through Prisma's pg adapter), while a plain
 * connection and a server from another CA are refused.
 */

const hasProgram = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
const tls = createTestPki(['redis', 'app-db']);
const foreignCa = path.join(createTestPki(['redis']), 'ca.crt');
const projectCa = path.join(tls, 'ca.crt');

async function untilConnectable(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`${what} did not start`);
}

describe.skipIf(!hasProgram('redis-server'))('Redis over TLS (rediss://), as compose runs it', () => {
  let server: ChildProcess;
  let port: number;
  const clients: Redis[] = [];

  const connect = (url: string, extra: RedisOptions = {}) => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3_000, ...extra });
    client.on('error', () => undefined);
    clients.push(client);
    return client;
  };

  /** Why a connection failed: ioredis rejects with "Connection is closed", the TLS reason comes as an error event. */
  async function refusal(client: Redis): Promise<string> {
    const reasons: string[] = [];
    client.on('error', (error: Error) => reasons.push(error.message));
    await expect(client.connect()).rejects.toThrow();
    return reasons.join('; ');
  }

  beforeAll(async () => {
    port = await freePort();
    const file = (name: string) => path.join(tls, name);
    server = spawn('redis-server', ['--port', '0', '--tls-port', String(port), '--bind', '127.0.0.1', '--tls-cert-file', file('redis.crt'), '--tls-key-file', file('redis.key'), '--tls-ca-cert-file', projectCa, '--tls-auth-clients', 'no', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await untilConnectable(async () => {
      const probe = connect(`rediss://localhost:${port}`, redisTlsOptions(`rediss://localhost:${port}`, projectCa));
      return probe.connect().then(() => true, () => false).finally(() => probe.disconnect());
    }, 'redis-server');
  });

  afterAll(() => {
    for (const client of clients) client.disconnect();
    server?.kill();
  });

  it('connects with rediss:// and the CA from REDIS_CA_FILE, verifying the server by name', async () => {
    const url = `rediss://localhost:${port}`;
    process.env.REDIS_CA_FILE = projectCa;
    try {
      // The services call redisTlsOptions(url) with no second argument: the CA comes from REDIS_CA_FILE.
      const client = connect(url, redisTlsOptions(url));
      await client.connect();
      expect(await client.ping()).toBe('PONG');
    } finally {
      delete process.env.REDIS_CA_FILE;
    }
  });

  it('carries a BullMQ queue the way the vault configures its connection', async () => {
    const url = `rediss://localhost:${port}`;
    const queue = new Queue('tls-check', { connection: { url, ...redisTlsOptions(url, projectCa) }, prefix: 'tls' });
    try {
      const job = await queue.add('probe', { only: 'ids' });
      expect(await queue.getJobState(job.id!)).toBe('waiting');
    } finally {
      await queue.close();
    }
  });

  it('refuses a plain connection, and a server from another CA, and a name the certificate does not carry', async () => {
    await expect(connect(`redis://localhost:${port}`).ping()).rejects.toThrow();
    const url = `rediss://localhost:${port}`;
    expect(await refusal(connect(url, redisTlsOptions(url, foreignCa)))).toMatch(/self[- ]signed|unable to verify|certificate/i);
    // The right CA, but the server is asked for by a name its certificate does not carry.
    const wrongName = connect(url, { tls: { ...redisTlsOptions(url, projectCa).tls, servername: 'not-redis.example' } });
    expect(await refusal(wrongName)).toMatch(/altnames|hostname|does not match/i);
  });
});

const root = process.getuid?.() === 0;
const postgresInstalled = (() => {
  try {
    postgresBin('initdb');
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!root || !postgresInstalled)('PostgreSQL over TLS (sslmode=verify-full), as compose runs it', () => {
  let dir: string;
  let port: number;
  const pgctl = (...args: string[]) => spawnSync('runuser', ['-u', 'postgres', '--', postgresBin('pg_ctl'), ...args], { cwd: '/', encoding: 'utf8' });

  /** Why Prisma's pg adapter could not connect (its error names the kind; the TLS reason is in the cause). */
  async function refusal(url: string): Promise<string> {
    const error = await selectOne(url).then(() => undefined, (e: unknown) => e as Error & { cause?: { kind?: string; reason?: string; originalMessage?: string } });
    expect(error, 'the connection was refused').toBeDefined();
    return [error?.message, error?.cause?.kind, error?.cause?.reason, error?.cause?.originalMessage].filter(Boolean).join(' | ');
  }

  async function selectOne(url: string): Promise<number> {
    const adapter = await new PrismaPg({ connectionString: url, connectionTimeoutMillis: 3_000 }).connect();
    try {
      const result = await adapter.queryRaw({ sql: 'SELECT 1 AS one', args: [], argTypes: [] });
      return Number(result.rows[0][0]);
    } finally {
      await adapter.dispose();
    }
  }

  beforeAll(async () => {
    port = await freePort();
    dir = mkdtempSync('/tmp/storefront-pg-tls-');
    chmodSync(dir, 0o755);
    const data = path.join(dir, 'data');
    const owner = { uid: Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout), gid: Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout) };
    for (const file of ['app-db.crt', 'app-db.key']) {
      copyFileSync(path.join(tls, file), path.join(dir, file));
      chownSync(path.join(dir, file), owner.uid, owner.gid);
      chmodSync(path.join(dir, file), 0o600);
    }
    chownSync(dir, owner.uid, owner.gid);
    const init = spawnSync('runuser', ['-u', 'postgres', '--', postgresBin('initdb'), '-D', data, '-U', 'postgres', '--auth=trust', '--no-sync'], { cwd: '/', encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    // The rules of infra/postgres/pg_hba.conf, with trust instead of passwords (this cluster has none).
    writeFileSync(path.join(data, 'pg_hba.conf'), ['local all all trust', 'hostssl all all 127.0.0.0/8 trust', 'hostnossl all all 0.0.0.0/0 reject', ''].join('\n'));
    const settings = `-c listen_addresses=127.0.0.1,127.0.0.2 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c ssl=on -c ssl_cert_file=${dir}/app-db.crt -c ssl_key_file=${dir}/app-db.key`;
    const started = pgctl('-D', data, '-l', path.join(dir, 'log'), '-o', settings, '-w', 'start');
    expect(started.status, started.stderr).toBe(0);
  }, 60_000);

  afterAll(() => {
    if (dir) {
      pgctl('-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('connects with sslmode=verify-full and the project CA as sslrootcert', async () => {
    expect(await selectOne(withVerifiedTls(`postgresql://postgres@localhost:${port}/postgres`, projectCa))).toBe(1);
  });

  it('refuses a server from another CA, a host name the certificate does not carry, and a plain connection', async () => {
    expect(await refusal(withVerifiedTls(`postgresql://postgres@localhost:${port}/postgres`, foreignCa))).toMatch(/TlsConnectionError.*(self[- ]signed|unable to verify|certificate)/i);
    // The certificate names localhost and 127.0.0.1; the same server reached as another loopback address fails verify-full.
    expect(await refusal(withVerifiedTls(`postgresql://postgres@127.0.0.2:${port}/postgres`, projectCa))).toMatch(/TlsConnectionError.*(altnames|IP: 127\.0\.0\.2)/i);
    expect(await refusal(`postgresql://postgres@localhost:${port}/postgres?sslmode=disable`)).toMatch(/no encryption|pg_hba\.conf/i);
  });
});
