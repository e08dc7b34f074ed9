import { randomUUID } from 'node:crypto';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bullmq';
import { closeWorkerWithoutWaitingForRedis } from '@storefront/platform/events';
import { runWithContext } from '@storefront/platform/logging';
import { ACCESS_REVIEW_QUEUE, type AccessReviewJobDto } from './access-review.queue';
import { AccessReviewService } from './access-review.service';
import type { AccessReviewDto } from './dto/access-review.dto';

/** Runs access reviews, scheduled or started by an admin; one at a time per process. A thrown error is retried with backoff. */
@Processor(ACCESS_REVIEW_QUEUE)
export class AccessReviewProcessor extends WorkerHost implements OnModuleDestroy {
  constructor(private readonly reviews: AccessReviewService) {
    super();
  }

  /** With Redis down a graceful close would wait for as long as it stays down; a review cut short is retried (it is idempotent). */
  onModuleDestroy(): Promise<void> {
    return closeWorkerWithoutWaitingForRedis(this.worker);
  }

  process(job: Job<AccessReviewJobDto>): Promise<AccessReviewDto> {
    const reviewId = typeof job.data?.reviewId === 'string' ? job.data.reviewId : undefined;
    return runWithContext({ correlationId: randomUUID() }, () => this.reviews.run(reviewId));
  }
}
