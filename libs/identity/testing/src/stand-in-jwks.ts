import { Controller, Get, Module, type Type } from '@nestjs/common';
import type { JSONWebKeySet } from 'jose';
import { AllowedClients } from '@storefront/platform/mtls';
import type { TestTokenIssuer } from './test-token-issuer';

/**
 * Test stand-in for the auth service's JWKS route: serves `issuer`'s key at
 * /.well-known/jwks.json to the listed certificate identities only, exactly
 * where the real auth does. Boot it as `auth` with bootstrapMtlsService; the
 * service under test then verifies the issuer's tokens with its real verifier.
 */
export function standInJwksModule(issuer: TestTokenIssuer, allowedClients: string[]): Type<unknown> {
  @Controller('.well-known')
  @AllowedClients(...allowedClients)
  class StandInJwksController {
    @Get('jwks.json')
    jwks(): JSONWebKeySet {
      return issuer.jwks;
    }
  }

  @Module({ controllers: [StandInJwksController] })
  class StandInJwksModule {}
  return StandInJwksModule;
}
