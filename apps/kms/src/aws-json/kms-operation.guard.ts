import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Request } from 'express';
import { type AccessDeniedPublisher, peerIdentity, SECURITY_EVENT_PUBLISHER_PROVIDER } from '@storefront/platform/mtls';
import { KmsErrorCode, kmsError } from '../common/kms.errors';
import { operationFromTarget } from './kms-operation';
import { mayCallOperation } from './kms-operation-allow-list';

/**
 * The second door of the AWS JSON endpoint. The platform's ClientIdentityGuard
 * (global, runs first) admits only identities that may call some operation;
 * this guard then checks the one named by X-Amz-Target against
 * KMS_OPERATION_ALLOW_LIST, since every operation shares the route POST /.
 * A refusal is logged and, when the kms has a security event publisher,
 * reported as access.permission.denied, like the platform guard does: the
 * vault's certificate asking for CreateKey is what a stolen one looks like.
 */
@Injectable()
export class KmsOperationGuard implements CanActivate {
  private readonly logger = new Logger(KmsOperationGuard.name);

  constructor(@Optional() @Inject(SECURITY_EVENT_PUBLISHER_PROVIDER) private readonly publisher?: AccessDeniedPublisher) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const operation = operationFromTarget(request.get('x-amz-target'));
    // An operation the emulator does not implement cannot run anyway: dispatch answers UnknownOperationException.
    if (!operation) return true;
    const identity = peerIdentity(request);
    if (mayCallOperation(identity, operation)) return true;
    const clientIdentity = identity ?? 'unknown';
    this.logger.warn({ clientIdentity, operation }, 'kms operation refused: not on the allow-list for this identity');
    void this.publisher?.publish({
      type: 'access.permission.denied',
      outcome: 'blocked',
      source: { ip: request.socket.remoteAddress ?? 'unknown' },
      details: { clientIdentity, method: request.method, route: '/', operation },
    });
    throw kmsError(KmsErrorCode.AccessDenied, `The identity ${clientIdentity} is not allowed to call ${operation}.`);
  }
}
