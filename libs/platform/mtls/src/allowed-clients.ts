import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { TLSSocket } from 'node:tls';
import { DomainError } from '@storefront/platform/http';

const ALLOWED_CLIENTS = 'storefront:allowed-clients';

/** The service identities (certificate common names) that may call a controller or route. */
export const AllowedClients = (...identities: string[]) => SetMetadata(ALLOWED_CLIENTS, identities);

/** The client certificate's identity, already verified against the CA by the TLS handshake. */
export function peerIdentity(req: Request): string | undefined {
  const socket = req.socket as TLSSocket;
  if (typeof socket.getPeerCertificate !== 'function' || !socket.authorized) return undefined;
  const subject = socket.getPeerCertificate().subject as { CN?: string } | undefined;
  return subject?.CN;
}

/**
 * A guard at every door: a route with no @AllowedClients is closed to
 * everyone, so forgetting the decorator fails safe.
 */
@Injectable()
export class ClientIdentityGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const allowed = this.reflector.getAllAndOverride<string[] | undefined>(ALLOWED_CLIENTS, [
      context.getHandler(),
      context.getClass(),
    ]);
    const identity = peerIdentity(context.switchToHttp().getRequest<Request>());
    if (identity && allowed?.includes(identity)) return true;
    throw new DomainError('CLIENT_NOT_ALLOWED', `This route does not accept calls from ${identity ?? 'an unknown client'}.`, 403);
  }
}
