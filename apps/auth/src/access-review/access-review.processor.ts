import { randomUUID } from 'node:crypto';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { runWithContext } from '@storefront/platform/logging';
import { ACCESS_REVIEW_QUEUE, type AccessReviewJobDto } from './access-review.queue';
import { AccessReviewRedis } from './access-review.redis';
import { AccessReviewService } from './access-review.service';
import type { AccessReviewDto } from './dto/access-review.dto';

/** Runs access reviews, scheduled or started by an admin; one at a time per process. A thrown error is retried with backoff. */
@Processor(ACCESS_REVIEW_QUEUE)
export class AccessReviewProcessor extends WorkerHost implements BeforeApplicationShutdown {
  constructor(
    private readonly reviews: AccessReviewService,
    private readonly redis: AccessReviewRedis,
  ) {
    super();
  }

  /**
   * Runs before @nestjs/bullmq closes the worker (onApplicationShutdown),
   * whose later close() then returns this one. A graceful close waits for
   * the current review to finish, which needs Redis; with Redis unreachable
   * it would wait for as long as Redis stays down, so the worker is forced
   * closed instead (a review cut short is retried: it is idempotent).
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close(!this.redis.isReady);
  }

  process(job: Job<AccessReviewJobDto>): Promise<AccessReviewDto> {
    const reviewId = typeof job.data?.reviewId === 'string' ? job.data.reviewId : undefined;
    return runWithContext({ correlationId: randomUUID() }, () => this.reviews.run(reviewId));
  }
}
