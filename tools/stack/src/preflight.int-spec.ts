import net from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { preflight, PreflightError } from './preflight';

describe('npm start preflight', () => {
  let occupier: net.Server;
  let takenPort: number;

  beforeAll(async () => {
    occupier = net.createServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
    takenPort = (occupier.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => occupier.close(() => resolve())));

  const healthy = () => ({ postgresAdminUrl: inject('postgresAdminUrl'), redisUrl: inject('redisUrl') });

  it('passes when PostgreSQL and Redis answer and the ports are free', async () => {
    await expect(preflight({ ...healthy(), ports: [] })).resolves.toBeUndefined();
  });

  it('names a taken port, the service that wanted it and how to find the culprit', async () => {
    const error = await preflight({ ...healthy(), ports: [{ name: 'gateway', port: takenPort }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as Error).message).toContain(`${takenPort} (gateway)`);
    expect((error as Error).message).toContain('ss -ltnp');
  });

  it('names an unreachable PostgreSQL and the command that starts it', async () => {
    const error = await preflight({ ...healthy(), postgresAdminUrl: 'postgresql://postgres@127.0.0.1:1/postgres', ports: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as Error).message).toMatch(/PostgreSQL is not reachable at 127\.0\.0\.1:1[\s\S]*pg_ctlcluster/);
  });

  it('names an unreachable Redis and the command that starts it', async () => {
    const error = await preflight({ ...healthy(), redisUrl: 'redis://127.0.0.1:1', ports: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as Error).message).toMatch(/Redis is not reachable at 127\.0\.0\.1:1[\s\S]*redis-server/);
  });
});
