import type { TLSSocket } from 'node:tls';
import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import {
  assertionKeyFromCertificate,
  certificatePemFromDer,
  INTERNAL_ASSERTION_HEADER,
  InternalAssertionError,
  verifyInternalAssertion,
} from '@storefront/identity/assertion';
import { currentContext } from '@storefront/platform/logging';
import { CardsError, cardsError } from './cards.errors';

/** The audience the gateway names when it asserts a user to this service. */
export const VAULT_ASSERTION_AUDIENCE = 'payment-vault';
// A JWT signed with RS256/2048 is well under this; anything longer is not ours.
const MAX_ASSERTION_LENGTH = 4096;

interface RequestWithUser extends Request {
  assertedUserId?: string;
}

type CryptoKeyOf<T> = T extends Promise<infer K> ? K : never;
type VerificationKey = CryptoKeyOf<ReturnType<typeof assertionKeyFromCertificate>>;

/**
 * The vault cannot reach the auth service (isolated zone), so the gateway
 * verifies the access token and sends a short-lived assertion of the user,
 * signed with its mTLS key and bound to this method and path. The assertion
 * is checked against the certificate of the very connection it came on (the
 * global mTLS guard has already admitted the gateway identity alone on this
 * route), so neither a stolen assertion from another route nor a caller
 * without the gateway key can name a user. Anything else is 401.
 */
@Injectable()
export class GatewayAssertionGuard implements CanActivate {
  private readonly logger = new Logger(GatewayAssertionGuard.name);
  // The gateway presents one certificate; importing its key once per certificate saves parsing on every card.
  private cachedKey?: { fingerprint: string; key: VerificationKey };

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const token = request.headers[INTERNAL_ASSERTION_HEADER];
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_ASSERTION_LENGTH) {
      throw cardsError(CardsError.Unauthenticated, 'The request carries no assertion of a signed-in user.');
    }
    const key = await this.peerKey(request);
    const path = request.originalUrl.split('?')[0];
    try {
      request.assertedUserId = await verifyInternalAssertion(token, key, { audience: VAULT_ASSERTION_AUDIENCE, method: request.method, path });
    } catch (error) {
      if (!(error instanceof InternalAssertionError)) throw error;
      this.logger.warn({ reason: error.message }, 'internal assertion refused');
      throw cardsError(CardsError.Unauthenticated, error.message);
    }
    const logContext = currentContext();
    if (logContext) logContext.userId = request.assertedUserId;
    return true;
  }

  /** The public key of the client certificate this request arrived with. */
  private async peerKey(request: Request): Promise<VerificationKey> {
    const socket = request.socket as TLSSocket;
    const certificate = typeof socket.getPeerCertificate === 'function' && socket.authorized ? socket.getPeerCertificate() : undefined;
    if (!certificate?.raw) throw cardsError(CardsError.Unauthenticated, 'The request did not come with a verified client certificate.');
    if (this.cachedKey?.fingerprint !== certificate.fingerprint256) {
      this.cachedKey = { fingerprint: certificate.fingerprint256, key: await assertionKeyFromCertificate(certificatePemFromDer(certificate.raw)) };
    }
    return this.cachedKey.key;
  }
}

/** The user id GatewayAssertionGuard verified. */
export const AssertedUserId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const userId = context.switchToHttp().getRequest<RequestWithUser>().assertedUserId;
  // Only reachable if a route forgot the guard: fail closed.
  if (!userId) throw cardsError(CardsError.Unauthenticated, 'The request carries no assertion of a signed-in user.');
  return userId;
});
