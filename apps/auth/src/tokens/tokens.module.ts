import { Module } from '@nestjs/common';
import { AccessTokenIssuer } from './access-token.issuer';

@Module({ providers: [AccessTokenIssuer], exports: [AccessTokenIssuer] })
export class TokensModule {}
