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

/** The identities declared on a handler or its controller, if any (also read by the route-lock test). */
export function allowedClients(reflector: Reflector, targets: Parameters<Reflector['getAllAndOverride']>[1]): string[] | undefined {
  return reflector.getAllAndOverride<string[] | undefined>(ALLOWED_CLIENTS, targets);
}

/** The client certificate's identity, already verified against the CA by the TLS handshake. */
export function peerIdentity(req: Request): string | undefined {
  const socket = req.socket as TLSSocket;
  if (typeof socket.getPeerCertificate !== 'function' || !socket.authorized) return undefined;
  const subject = socket.getPeerCertificate().subject as { CN?: string } | undefined;
  return subject?.CN;
}

/**
 * The part of @storefront/platform/events' SecurityEventPublisher the guard
 * uses, named here rather than imported: the events lib's tests use this lib,
 * so an import would make the two libs a cycle.
 */
export interface AccessDeniedPublisher {
  publish(event: {
    type: 'access.permission.denied';
    outcome: 'blocked';
    source: { ip: string };
    /** `operation` names what was refused when one route carries several operations (the kms's X-Amz-Target). */
    details: { clientIdentity: string; method: string; route: string; operation?: string };
  }): Promise<unknown>;
}

/** The matched route template (/cards/:token), never the raw path, which could carry an id or a token. */
function routeTemplate(request: Request): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? `${request.baseUrl ?? ''}${route.path}` : 'unmatched';
}

/**
 * A guard at every door: a route with no @AllowedClients is closed to
 * everyone, so forgetting the decorator fails safe. With a publisher, every
 * refusal is also an `access.permission.denied` security event: a valid
 * certificate knocking on a door it was never given is what a stolen one looks like.
 */
@Injectable()
export class ClientIdentityGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly publisher?: AccessDeniedPublisher,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const allowed = allowedClients(this.reflector, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<Request>();
    const identity = peerIdentity(request);
    if (identity && allowed?.includes(identity)) return true;
    void this.publisher?.publish({
      type: 'access.permission.denied',
      outcome: 'blocked',
      source: { ip: request.socket.remoteAddress ?? 'unknown' },
      details: { clientIdentity: identity ?? 'unknown', method: request.method, route: routeTemplate(request) },
    });
    throw new DomainError('CLIENT_NOT_ALLOWED', `This route does not accept calls from ${identity ?? 'an unknown client'}.`, 403);
  }
}
