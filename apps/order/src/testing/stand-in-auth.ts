import { Controller, Get, Inject, Module, type Type } from '@nestjs/common';
import type { JSONWebKeySet } from 'jose';
import { TestTokenIssuer } from '@storefront/identity/testing';
import { AllowedClients } from '@storefront/platform/mtls';

const ISSUER = Symbol('TOKEN_ISSUER');

@Controller('.well-known')
@AllowedClients('order')
class JwksController {
  constructor(@Inject(ISSUER) private readonly issuer: TestTokenIssuer) {}

  @Get('jwks.json')
  jwks(): JSONWebKeySet {
    return this.issuer.jwks;
  }
}

/**
 * Test stand-in for the auth service: publishes the issuer's key as a JWKS
 * over mutual TLS, exactly where the real one does. The order service
 * verifies the issuer's tokens with its real verifier.
 */
export function standInAuthModule(issuer: TestTokenIssuer): Type<unknown> {
  @Module({ controllers: [JwksController], providers: [{ provide: ISSUER, useValue: issuer }] })
  class StandInAuthModule {}
  return StandInAuthModule;
}
