import { Module } from '@nestjs/common';
import { EdgeAccessModule } from '../core/edge-access.module';
import { AssertionIssuer } from './assertion-issuer';
import { EdgeAuthenticator } from './edge-authenticator';
import { ProxyController } from './proxy.controller';
import { ProxyService } from './proxy.service';

@Module({
  imports: [EdgeAccessModule],
  controllers: [ProxyController],
  providers: [AssertionIssuer, EdgeAuthenticator, ProxyService],
})
export class ProxyModule {}
