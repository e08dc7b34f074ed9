import { Module } from '@nestjs/common';
import { EdgeAccessModule } from '../core/edge-access.module';
import { AssertionIssuer } from './assertion-issuer';
import { CatalogCache } from './catalog-cache';
import { EdgeAuthenticator } from './edge-authenticator';
import { ProxyController } from './proxy.controller';
import { ProxyService } from './proxy.service';
import { SessionStandings } from './session-standing';

@Module({
  imports: [EdgeAccessModule],
  controllers: [ProxyController],
  providers: [AssertionIssuer, CatalogCache, EdgeAuthenticator, ProxyService, SessionStandings],
})
export class ProxyModule {}
