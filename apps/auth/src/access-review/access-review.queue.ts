/** The BullMQ queue of access review runs (auth's own: scheduled runs and runs an admin starts). */
export const ACCESS_REVIEW_QUEUE = 'access-review';

/** The repeatable job's scheduler id: upserted at every start, so replicas share one schedule. */
export const ACCESS_REVIEW_SCHEDULER_ID = 'access-review-schedule';

export const ACCESS_REVIEW_JOB = 'review';

/** A run's payload: the review row an admin's request already created, or none for a scheduled run (the job creates it). */
export class AccessReviewJobDto {
  reviewId?: string;
}

/** Retries with backoff on a database or Redis error; finished jobs are kept a little while for inspection only. */
export const ACCESS_REVIEW_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: 100,
  removeOnFail: 100,
} as const;
