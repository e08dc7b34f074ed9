import { Injectable } from '@nestjs/common';
import { SecurityEventPublisher } from '@storefront/platform/events';
import type { AccessReview } from '../generated/prisma/client';
import type { RevokedGrant } from './staff-grants.repository';

/**
 * The review's security events. The monitor stores each one and appends it
 * to its tamper-evident audit log, which is the audit trail of revocations.
 * Fire and forget, like every publisher call: the revocation is already committed.
 */
@Injectable()
export class AccessReviewEvents {
  constructor(private readonly publisher: SecurityEventPublisher) {}

  /** `by`: "access-review:<id>" for the review, or the admin's user id. */
  grantRevoked(grant: RevokedGrant, reason: string, by: string): void {
    void this.publisher.publish({
      type: 'access.grant.revoked',
      outcome: 'success',
      actor: { userId: grant.userId, ...(grant.email ? { email: grant.email } : {}) },
      details: {
        role: grant.role,
        reason,
        by,
        grantId: grant.grantId,
        lastUsedAt: grant.lastUsedAt?.toISOString() ?? 'never',
        sessionsEnded: grant.endedSessionIds.length,
      },
    });
  }

  reviewCompleted(review: AccessReview): void {
    void this.publisher.publish({
      type: 'access.review.completed',
      outcome: 'success',
      ...(review.triggeredBy ? { actor: { userId: review.triggeredBy } } : {}),
      details: { reviewId: review.id, trigger: review.trigger, examined: review.examined, revoked: review.revoked, unusedAfterDays: review.unusedAfterDays },
    });
  }
}
