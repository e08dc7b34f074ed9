import { type ClassProvider, type DynamicModule, type FactoryProvider, Module, type Provider, type ValueProvider } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AccessTokenVerifier } from './access-token.verifier';
import { BearerTokenStrategy } from './bearer-token.strategy';
import { SignedInGuard } from './guards';
import { PERMISSION_DENIAL_LISTENER, PermissionGuard } from './permission.guard';
import { PublishedPermissionDenials } from './published-denials';
import { JWKS_SOURCE, type JwksSource } from './jwks-source';

/**
 * Token verification for a service. Each service checks the caller's
 * identity itself, even behind the gateway: a service trusts no one.
 */
/** How to build the JwksSource: `{ useFactory, inject }`, `{ useValue }` or `{ useClass }`. */
export type JwksSourceProvider =
  | Omit<FactoryProvider<JwksSource>, 'provide'>
  | Omit<ValueProvider<JwksSource>, 'provide'>
  | Omit<ClassProvider<JwksSource>, 'provide'>;

@Module({})
export class AccessModule {
  /** `jwksSource` is a provider recipe yielding a JwksSource (remote for most services, local for auth). */
  static register(jwksSource: JwksSourceProvider): DynamicModule {
    return {
      module: AccessModule,
      // Global: @UseGuards(PermissionGuard) in any feature module must find the listeners (denials, grant usage).
      global: true,
      imports: [PassportModule],
      providers: [
        { ...jwksSource, provide: JWKS_SOURCE } as Provider,
        AccessTokenVerifier,
        BearerTokenStrategy,
        SignedInGuard,
        PermissionGuard,
        // Every service that checks tokens also publishes security events (SecurityEventsModule is global).
        { provide: PERMISSION_DENIAL_LISTENER, useClass: PublishedPermissionDenials },
      ],
      exports: [AccessTokenVerifier, SignedInGuard, PermissionGuard, PERMISSION_DENIAL_LISTENER],
    };
  }
}
