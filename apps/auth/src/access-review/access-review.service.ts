import { Inject, Injectable, Logger } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import type { AccessReview } from '../generated/prisma/client';
import { RevokedSessionsPublisher } from '../sessions/revoked-sessions.publisher';
import { Clock } from '../system/clock';
import { AccessReviewEvents } from './access-review.events';
import { accessReviewError, AccessReviewError } from './access-review.errors';
import { AccessReviewScheduler } from './access-review.scheduler';
import { AccessReviewsRepository } from './access-reviews.repository';
import type { AccessReviewDto } from './dto/access-review.dto';
import type { AccessReviewOverviewDto } from './dto/access-review-overview.dto';
import type { LiveGrantDto } from './dto/live-grant.dto';
import { GrantUsageReader } from './grant-usage.reader';
import { type LiveGrantRow, StaffGrantsRepository } from './staff-grants.repository';

const DAY_MS = 86_400_000;
const REVIEWS_SHOWN = 10;
export const UNUSED_REASON = 'unused';

const toReviewDto = (review: AccessReview): AccessReviewDto => ({
  id: review.id,
  trigger: review.trigger,
  triggeredBy: review.triggeredBy,
  startedAt: review.startedAt.toISOString(),
  finishedAt: review.finishedAt?.toISOString() ?? null,
  status: review.finishedAt ? 'finished' : 'running',
  unusedAfterDays: review.unusedAfterDays,
  examined: review.examined,
  revoked: review.revoked,
});

const later = (a: Date | null, b: Date | null | undefined): Date | null => (a && b ? (a > b ? a : b) : (a ?? b ?? null));

/**
 * Least privilege over time: every staff grant records its last use, and a
 * review removes the ones unused for ACCESS_REVIEW_UNUSED_DAYS. One run:
 * copy the usage the services recorded in Redis into staff_grants, then
 * revoke each live grant whose last use (or, never used, its grant) is older
 * than the cutoff. Safe to run twice at once: each revocation locks its row
 * and checks again, so a grant is revoked once.
 */
@Injectable()
export class AccessReviewService {
  private readonly logger = new Logger(AccessReviewService.name);

  constructor(
    private readonly grants: StaffGrantsRepository,
    private readonly reviews: AccessReviewsRepository,
    private readonly usage: GrantUsageReader,
    private readonly scheduler: AccessReviewScheduler,
    private readonly revokedSessions: RevokedSessionsPublisher,
    private readonly events: AccessReviewEvents,
    private readonly clock: Clock,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /** An admin's "run now": the review row first (its id is the answer), then the job. */
  async start(adminId: string): Promise<AccessReviewDto> {
    const review = await this.reviews.create({ trigger: 'manual', triggeredBy: adminId, unusedAfterDays: this.config.ACCESS_REVIEW_UNUSED_DAYS, startedAt: this.clock.now() });
    try {
      await this.scheduler.enqueue(review.id);
    } catch (error) {
      this.logger.error({ reviewId: review.id, reason: error instanceof Error ? error.message : String(error) }, 'access review not queued');
      throw accessReviewError(AccessReviewError.QueueUnavailable, 'The review could not be queued right now. Try again in a minute.');
    }
    this.logger.log({ reviewId: review.id, adminId }, 'access review queued');
    return toReviewDto(review);
  }

  /** The job's work. `reviewId` names the row of a run an admin started; a scheduled run creates its own. */
  async run(reviewId?: string): Promise<AccessReviewDto> {
    const review = reviewId ? await this.reviews.find(reviewId) : await this.reviews.create({ trigger: 'schedule', unusedAfterDays: this.config.ACCESS_REVIEW_UNUSED_DAYS, startedAt: this.clock.now() });
    if (!review) throw accessReviewError(AccessReviewError.ReviewNotFound, `No access review ${reviewId}.`);
    if (review.finishedAt) return toReviewDto(review); // a redelivered job: the run is over

    await this.grants.recordUsage(await this.usage.all());
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - review.unusedAfterDays * DAY_MS);
    const live = await this.grants.liveGrants();
    let revoked = 0;
    for (const grant of live.filter((g) => (g.lastUsedAt ?? g.grantedAt) < cutoff)) {
      if (await this.revokeUnused(grant, cutoff, now, review.id)) revoked += 1;
    }
    const finished = await this.reviews.finish(review.id, { examined: live.length, revoked, finishedAt: this.clock.now() });
    this.events.reviewCompleted(finished);
    this.logger.log({ reviewId: review.id, trigger: review.trigger, examined: live.length, revoked }, 'access review finished');
    return toReviewDto(finished);
  }

  async find(id: string): Promise<AccessReviewDto> {
    const review = await this.reviews.find(id);
    if (!review) throw accessReviewError(AccessReviewError.ReviewNotFound, 'No access review with this id.');
    return toReviewDto(review);
  }

  /** The admin page: policy, latest runs and live grants, with usage not yet copied from Redis shown too. */
  async overview(): Promise<AccessReviewOverviewDto> {
    const [reviews, live, recent] = await Promise.all([this.reviews.latest(REVIEWS_SHOWN), this.grants.liveGrants(), this.usage.all().catch(() => [])]);
    const recentUse = new Map(recent.map((u) => [`${u.userId}:${u.role}`, u.at]));
    return {
      unusedAfterDays: this.config.ACCESS_REVIEW_UNUSED_DAYS,
      intervalHours: this.config.ACCESS_REVIEW_INTERVAL_HOURS,
      reviews: reviews.map(toReviewDto),
      grants: live.map((grant): LiveGrantDto => {
        const used = recentUse.get(`${grant.userId}:${grant.role}`);
        return {
          id: grant.id,
          userId: grant.userId,
          email: grant.user.email,
          role: grant.role,
          grantedAt: grant.grantedAt.toISOString(),
          grantedBy: grant.grantedBy,
          lastUsedAt: later(grant.lastUsedAt, used && used >= grant.grantedAt ? used : null)?.toISOString() ?? null,
        };
      }),
    };
  }

  private async revokeUnused(grant: LiveGrantRow, cutoff: Date, now: Date, reviewId: string): Promise<boolean> {
    // Used since the copy at the start of this run? Then it stays (and the use is recorded now).
    const latest = await this.usage.latest(grant.userId, grant.role);
    if (latest && latest >= cutoff) {
      await this.grants.recordUsage([{ userId: grant.userId, role: grant.role, at: latest }]);
      return false;
    }
    // Break glass: the review never removes the last live admin grant, or nobody could grant roles again.
    if (grant.role === 'admin' && (await this.grants.countLive('admin')) <= 1) {
      this.logger.warn({ reviewId, userId: grant.userId }, 'unused admin grant kept: it is the last one');
      return false;
    }
    const revoked = await this.grants.revokeIfUnused(grant.id, cutoff, now, UNUSED_REASON);
    if (!revoked) return false; // revoked meanwhile, or used: another run or an admin got there first
    await this.revokedSessions.publish(revoked.endedSessionIds);
    this.events.grantRevoked(revoked, UNUSED_REASON, `access-review:${reviewId}`);
    this.logger.log({ reviewId, userId: revoked.userId, role: revoked.role, sessionsEnded: revoked.endedSessionIds.length }, 'unused staff grant revoked');
    return true;
  }
}
