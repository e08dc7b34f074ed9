import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import { ACCESS_REVIEW_JOB, ACCESS_REVIEW_JOB_OPTIONS, ACCESS_REVIEW_QUEUE, ACCESS_REVIEW_SCHEDULER_ID, type AccessReviewJobDto } from './access-review.queue';

const HOUR_MS = 3_600_000;

/** The producer side of the access review queue: the repeatable schedule, and runs an admin asks for. */
@Injectable()
export class AccessReviewScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(AccessReviewScheduler.name);

  constructor(
    @InjectQueue(ACCESS_REVIEW_QUEUE) private readonly queue: Queue<AccessReviewJobDto>,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /**
   * Upserted at every start, so a changed interval takes effect and replicas
   * share one schedule rather than one each. BullMQ runs an `every` schedule
   * once right away, then every interval: a review at startup is harmless (idempotent).
   *
   * Not awaited: BullMQ waits for Redis for as long as it is down, and auth
   * must start and serve sign-ins without Redis. The registration completes
   * whenever Redis answers.
   */
  onApplicationBootstrap(): void {
    void this.registerSchedule();
  }

  private async registerSchedule(): Promise<void> {
    const hours = this.config.ACCESS_REVIEW_INTERVAL_HOURS;
    try {
      if (hours === 0) {
        await this.queue.removeJobScheduler(ACCESS_REVIEW_SCHEDULER_ID);
        this.logger.log('access review schedule off (ACCESS_REVIEW_INTERVAL_HOURS=0): reviews run only when an admin starts one');
        return;
      }
      await this.queue.upsertJobScheduler(ACCESS_REVIEW_SCHEDULER_ID, { every: hours * HOUR_MS }, { name: ACCESS_REVIEW_JOB, data: {}, opts: ACCESS_REVIEW_JOB_OPTIONS });
      this.logger.log({ everyHours: hours, unusedAfterDays: this.config.ACCESS_REVIEW_UNUSED_DAYS }, 'access review scheduled');
    } catch (error) {
      this.logger.error({ reason: error instanceof Error ? error.message : String(error) }, 'access review schedule not registered');
    }
  }

  /** Queues a run for a review row already created; the review id is the job id, so it is queued once. */
  async enqueue(reviewId: string): Promise<void> {
    await this.queue.add(ACCESS_REVIEW_JOB, { reviewId }, { ...ACCESS_REVIEW_JOB_OPTIONS, jobId: reviewId });
  }
}
