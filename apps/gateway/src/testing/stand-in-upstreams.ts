import { All, Controller, Get, type INestApplication, Module, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Role } from '@storefront/identity/access';
import { TestTokenIssuer, type TokenOptions } from '@storefront/identity/testing';
import { AllowedClients, bootstrapMtlsService, loadTlsIdentity } from '@storefront/platform/mtls';

/**
 * Test support: small stand-ins for the services behind the gateway, each on
 * mutual TLS with its real identity and accepting only the `gateway`
 * certificate. Each records what reached it, so tests can assert exactly
 * which headers and bodies crossed the edge.
 */
export interface Received {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface StandIn {
  app: INestApplication;
  baseUrl: string;
  received: Received[];
}

function record(received: Received[], req: Request): Received {
  const entry = { method: req.method, path: req.originalUrl, headers: { ...req.headers }, body: req.body as unknown };
  received.push(entry);
  return entry;
}

async function start(tlsDir: string, identity: string, port: number, module: new () => unknown, received: Received[]): Promise<StandIn> {
  const app = await bootstrapMtlsService({ service: identity, module, host: '127.0.0.1', port, logLevel: 'silent', identity: loadTlsIdentity(tlsDir, identity) });
  return { app, baseUrl: `https://127.0.0.1:${port}`, received };
}

/** An upstream that answers every path with what it received. */
export async function startEchoUpstream(tlsDir: string, identity: string, port: number): Promise<StandIn> {
  const received: Received[] = [];

  @Controller()
  @AllowedClients('gateway')
  class EchoController {
    @Get('orders/missing')
    missing(@Req() req: Request, @Res() res: Response) {
      record(received, req);
      res.status(404).json({ error: { code: 'ORDER_NOT_FOUND', message: 'No such order.' } });
    }

    @Get('products/:id/image.svg')
    image(@Req() req: Request, @Res() res: Response) {
      record(received, req);
      res
        .status(200)
        .setHeader('content-type', 'image/svg+xml')
        .setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .setHeader('set-cookie', 'tracking=1')
        .setHeader('x-internal-debug', 'catalog-node-7')
        .send('<svg xmlns="http://www.w3.org/2000/svg"/>');
    }

    @All('*path')
    echo(@Req() req: Request, @Res() res: Response) {
      const entry = record(received, req);
      res.status(200).setHeader('x-internal-debug', `${identity}-node-1`).setHeader('etag', 'W/"echo"').json({ service: identity, ...entry });
    }
  }

  @Module({ controllers: [EchoController] })
  class EchoModule {}

  return start(tlsDir, identity, port, EchoModule, received);
}

export interface StandInAuth extends StandIn {
  token(roles: Role[], userId?: string, options?: TokenOptions): Promise<string>;
  /** A token with the right shape signed by a key the JWKS does not publish. */
  forgedToken(): Promise<string>;
}

/** The auth stand-in: JWKS for the gateway's token checks, a login that sets a cookie, and echo for the rest. */
export async function startStandInAuth(tlsDir: string, port: number): Promise<StandInAuth> {
  const received: Received[] = [];
  const issuer = await TestTokenIssuer.create();

  @Controller()
  @AllowedClients('gateway')
  class StandInAuthController {
    @Get('.well-known/jwks.json')
    jwks() {
      return issuer.jwks;
    }

    @Post('auth/login')
    login(@Req() req: Request, @Res() res: Response) {
      record(received, req);
      res
        .status(200)
        .setHeader('set-cookie', 'refresh=r1; HttpOnly; Secure; SameSite=Strict; Path=/api/auth')
        .setHeader('x-internal-debug', 'auth-node-1')
        .json({ accessToken: 'stand-in', expiresIn: 600 });
    }

    @All('*path')
    echo(@Req() req: Request, @Res() res: Response) {
      const entry = record(received, req);
      res.status(200).json({ service: 'auth', ...entry });
    }
  }

  @Module({ controllers: [StandInAuthController] })
  class StandInAuthModule {}

  const standIn = await start(tlsDir, 'auth', port, StandInAuthModule, received);
  return {
    ...standIn,
    token: (roles, userId, options) => issuer.token(roles, userId, options),
    forgedToken: () => issuer.forgedToken(),
  };
}

export function randomPort(): number {
  return 20000 + Math.floor(Math.random() * 20000);
}
