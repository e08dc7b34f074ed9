import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { currentContext } from '@storefront/platform/logging';
import { DomainError } from '@storefront/platform/http';
import { AccessTokenVerifier } from './access-token.verifier';
import type { AuthenticatedUser } from './roles';

export const BEARER_STRATEGY = 'storefront-bearer';

/**
 * Passport strategy for `Authorization: Bearer <access token>`. Verification
 * is jose's (ES256 + JWKS); passport gives us the standard guard plumbing.
 */
@Injectable()
export class BearerTokenStrategy extends PassportStrategy(Strategy, BEARER_STRATEGY) {
  constructor(private readonly verifier: AccessTokenVerifier) {
    super();
  }

  async validate(req: Request): Promise<AuthenticatedUser> {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_.-]{20,4096})$/.exec(header) : null;
    if (!match) throw new DomainError('UNAUTHENTICATED', 'Sign in first: this route needs a bearer access token.', 401);
    const user = await this.verifier.verify(match[1]);
    const context = currentContext();
    if (context) context.userId = user.id;
    return user;
  }
}
