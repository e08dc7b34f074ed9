import { Injectable, Optional } from '@nestjs/common';
import { SecurityEventPublisher } from '@storefront/platform/events';
import type { PermissionDenial, PermissionDenialListener } from './permission.guard';

/**
 * Every refusal becomes an `access.permission.denied` security event: a
 * support agent trying a payment operation, or a stolen customer token
 * knocking on staff doors, is what the security desk needs to see.
 */
@Injectable()
export class PublishedPermissionDenials implements PermissionDenialListener {
  /** Optional: a service without a publisher (none yet) still refuses, it just cannot tell anyone. */
  constructor(@Optional() private readonly events?: SecurityEventPublisher) {}

  denied(denial: PermissionDenial): void {
    void this.events?.publish({
      type: 'access.permission.denied',
      outcome: 'blocked',
      actor: { userId: denial.user.id, email: denial.user.email },
      source: { ip: denial.ip },
      details: { permission: denial.permission, reason: denial.reason, roles: denial.user.roles.join(',') || 'none', method: denial.method, route: denial.route },
    });
  }
}
