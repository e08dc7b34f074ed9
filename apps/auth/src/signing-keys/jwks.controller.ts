import { Controller, Get, Header } from '@nestjs/common';
import type { JSONWebKeySet } from 'jose';
import { AllowedClients } from '@storefront/platform/mtls';
import { SigningKeys } from './signing-keys';

/** Public keys for every service that verifies access tokens itself; ops for health checks and tests. */
@Controller('.well-known')
@AllowedClients('gateway', 'catalog', 'order', 'monitor', 'ops')
export class JwksController {
  constructor(private readonly keys: SigningKeys) {}

  @Get('jwks.json')
  @Header('cache-control', 'public, max-age=300')
  jwks(): JSONWebKeySet {
    return this.keys.publicJwks();
  }
}
