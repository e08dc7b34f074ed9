import { randomUUID } from 'node:crypto';
import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { PromptlyClosingWorkerHost } from '@storefront/platform/events';
import { runWithContext } from '@storefront/platform/logging';
import { ACCESS_REVIEW_QUEUE, type AccessReviewJobDto } from './access-review.queue';
import { AccessReviewService } from './access-review.service';
import type { AccessReviewDto } from './dto/access-review.dto';

/**
 * Runs access reviews, scheduled or started by an admin; one at a time per process. A thrown error is retried
 * with backoff, and a review cut short by a forced close at shutdown is retried too (it is idempotent).
 */
@Processor(ACCESS_REVIEW_QUEUE)
export class AccessReviewProcessor extends PromptlyClosingWorkerHost {
  constructor(private readonly reviews: AccessReviewService) {
    super();
  }

  process(job: Job<AccessReviewJobDto>): Promise<AccessReviewDto> {
    const reviewId = typeof job.data?.reviewId === 'string' ? job.data.reviewId : undefined;
    return runWithContext({ correlationId: randomUUID() }, () => this.reviews.run(reviewId));
  }
}
