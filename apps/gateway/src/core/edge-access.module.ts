import { Module } from '@nestjs/common';
import { AccessModule, RemoteJwksSource } from '@storefront/identity/access';
import { Upstreams } from './upstreams';

/** Token verification at the edge, with the auth service's JWKS fetched over mTLS and cached. */
@Module({ imports: [AccessModule.register({ useFactory: (upstreams: Upstreams) => new RemoteJwksSource(upstreams.get('auth')), inject: [Upstreams] })], exports: [AccessModule] })
export class EdgeAccessModule {}
