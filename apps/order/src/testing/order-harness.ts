import { randomUUID } from 'node:crypto';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { INestApplication, Type } from '@nestjs/common';
import type { Role } from '@storefront/identity/access';
import { bootstrapMtlsService, loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import { createTestDatabase, createTestPki, type TestDatabase } from '@storefront/platform/testing';
import { createAppModule } from '../app.module';
import { loadOrderConfig } from '../config/order.config';
import { PrismaService } from '../database/prisma.service';
import { TestTokenIssuer } from '@storefront/identity/testing';
import { standInAuthModule } from './stand-in-auth';
import { StandInCatalog, standInCatalogModule } from './stand-in-catalog';
import { StandInVault, standInVaultModule } from './stand-in-vault';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // Parsed JSON body; tests read fields freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface Caller {
  userId: string;
  token: string;
}

async function start(service: string, module: Type<unknown>, tlsDir: string, identity: string): Promise<{ app: INestApplication; url: string }> {
  const app = await bootstrapMtlsService({ service, module, host: '127.0.0.1', port: 0, logLevel: 'silent', identity: loadTlsIdentity(tlsDir, identity) });
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  return { app, url: `https://127.0.0.1:${port}` };
}

/**
 * The real order service on a fresh PostgreSQL database, behind real mutual
 * TLS, with stand-ins for auth (JWKS), catalog and vault on their own mTLS
 * listeners. Tests call it as the gateway does.
 */
export class OrderHarness {
  readonly catalog = new StandInCatalog();
  readonly vault = new StandInVault();
  private readonly apps: INestApplication[] = [];
  private readonly clients = new Map<string, ServiceClient>();
  private issuer!: TestTokenIssuer;
  private db!: TestDatabase;
  prisma!: PrismaService;

  static async start(postgresAdminUrl: string): Promise<OrderHarness> {
    const harness = new OrderHarness();
    await harness.boot(postgresAdminUrl);
    return harness;
  }

  private async boot(postgresAdminUrl: string): Promise<void> {
    const tlsDir = createTestPki(['auth', 'catalog', 'order', 'payment-vault', 'gateway', 'monitor', 'ops']);
    this.db = await createTestDatabase(postgresAdminUrl, 'order');
    this.issuer = await TestTokenIssuer.create();
    const auth = await start('auth', standInAuthModule(this.issuer), tlsDir, 'auth');
    const catalog = await start('catalog', standInCatalogModule(this.catalog), tlsDir, 'catalog');
    const vault = await start('payment-vault', standInVaultModule(this.vault), tlsDir, 'payment-vault');
    this.apps.push(auth.app, catalog.app, vault.app);
    const config = loadOrderConfig({
      TLS_DIR: tlsDir,
      ORDER_DATABASE_URL: this.db.url,
      AUTH_URL: auth.url,
      CATALOG_URL: catalog.url,
      VAULT_URL: vault.url,
      LOG_LEVEL: 'silent',
    });
    const order = await start('order', createAppModule(config), tlsDir, 'order');
    this.apps.push(order.app);
    this.prisma = order.app.get(PrismaService);
    for (const identity of ['gateway', 'catalog', 'monitor', 'ops']) {
      this.clients.set(identity, new ServiceClient({ name: 'order', baseUrl: order.url }, loadTlsIdentity(tlsDir, identity)));
    }
  }

  async stop(): Promise<void> {
    for (const client of this.clients.values()) client.close();
    for (const app of this.apps.reverse()) await app.close();
    await this.db?.drop();
  }

  /** A new user with a valid access token for the given roles (`token.mfaAt`: null or an old time to test step-up). */
  async user(roles: Role[] = ['customer'], token: Parameters<TestTokenIssuer['token']>[2] = {}): Promise<Caller> {
    const userId = randomUUID();
    return { userId, token: await this.issuer.token(roles, userId, token) };
  }

  async call(
    caller: Caller | null,
    method: string,
    path: string,
    options: { body?: object | string; idempotencyKey?: string; identity?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (caller) headers.authorization = `Bearer ${caller.token}`;
    if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
    const client = this.clients.get(options.identity ?? 'gateway');
    if (!client) throw new Error(`no client for ${options.identity}`);
    const res = await client.request({ method, path, body: options.body, headers });
    const text = res.body.toString('utf8');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, headers: res.headers, json };
  }
}

export const ADDRESS = { name: 'Ada Lovelace', line1: '12 St James\'s Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };

export function newKey(): string {
  return `key_${randomUUID()}`;
}
