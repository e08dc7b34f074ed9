import { Injectable, Logger } from '@nestjs/common';
import { SecurityEventPublisher } from '@storefront/platform/events';
import { RevokedSessionsPublisher } from '../sessions/revoked-sessions.publisher';
import { Clock } from '../system/clock';
import { AccessReviewEvents } from './access-review.events';
import { accessReviewError, AccessReviewError } from './access-review.errors';
import type { RoleChangeDto } from './dto/role-change.dto';
import { StaffGrantsRepository } from './staff-grants.repository';

export const ADMIN_REVOKED_REASON = 'revoked_by_admin';

/** An admin gives or takes a staff role; every change is a staff_grants row, so the review sees it. */
@Injectable()
export class StaffRolesService {
  private readonly logger = new Logger(StaffRolesService.name);

  constructor(
    private readonly grants: StaffGrantsRepository,
    private readonly revokedSessions: RevokedSessionsPublisher,
    private readonly events: AccessReviewEvents,
    private readonly publisher: SecurityEventPublisher,
    private readonly clock: Clock,
  ) {}

  /** The role appears in the user's next access token (at their next sign-in or refresh). */
  async grant(userId: string, role: string, adminId: string): Promise<RoleChangeDto> {
    const outcome = await this.grants.grant(userId, role, adminId);
    if (outcome === 'no_user') throw accessReviewError(AccessReviewError.UserNotFound, 'No account with this id.');
    if (outcome === 'already_granted') throw accessReviewError(AccessReviewError.RoleAlreadyGranted, `This account already holds the role ${role}.`);
    // No event type of its own: a grant is a configuration change, named in the details (the monitor audits it).
    void this.publisher.publish({ type: 'config.changed', outcome: 'success', actor: { userId: adminId }, details: { change: 'role.granted', userId, role } });
    this.logger.log({ userId, role, adminId }, 'staff role granted');
    return { userId, role, granted: true, sessionsEnded: 0 };
  }

  async revoke(userId: string, role: string, adminId: string): Promise<RoleChangeDto> {
    const revoked = await this.grants.revoke(userId, role, this.clock.now(), ADMIN_REVOKED_REASON);
    if (!revoked) throw accessReviewError(AccessReviewError.GrantNotFound, `This account holds no live grant of the role ${role}.`);
    await this.revokedSessions.publish(revoked.endedSessionIds);
    this.events.grantRevoked(revoked, ADMIN_REVOKED_REASON, adminId);
    this.logger.log({ userId, role, adminId, sessionsEnded: revoked.endedSessionIds.length }, 'staff role revoked');
    return { userId, role, granted: false, sessionsEnded: revoked.endedSessionIds.length };
  }
}
