import type { AccessReview } from '../api/access-reviews';

/** How often the page asks whether a review it started has finished. */
export const REVIEW_POLL_MS = 1_000;
/** Gives up showing progress after this many polls (the review still finishes; the list shows it on the next visit). */
export const REVIEW_POLL_LIMIT = 120;

export interface PollOptions {
  get: () => Promise<AccessReview>;
  /** Waits between polls; the page passes a timer, tests pass an instant one. */
  wait: () => Promise<void>;
  /** False once the visitor left the page: stop asking. */
  isCurrent: () => boolean;
  onProgress: (review: AccessReview) => void;
  limit?: number;
}

/** Polls a started review until it is finished; null when the visitor left or the limit was reached first. */
export async function pollReview(options: PollOptions): Promise<AccessReview | null> {
  const limit = options.limit ?? REVIEW_POLL_LIMIT;
  for (let attempt = 0; attempt < limit; attempt += 1) {
    if (!options.isCurrent()) return null;
    const review = await options.get();
    if (!options.isCurrent()) return null;
    options.onProgress(review);
    if (review.status === 'finished') return review;
    await options.wait();
  }
  return null;
}

/** One line about a run, for the page and its progress area. */
export function describeReview(review: AccessReview, formatDate: (iso: string) => string): string {
  const who = review.trigger === 'manual' ? 'started by an admin' : 'scheduled';
  if (review.status !== 'finished') return `Review ${who} at ${formatDate(review.startedAt)} is running…`;
  const removed = review.revoked === 1 ? '1 unused grant revoked' : `${review.revoked} unused grants revoked`;
  return `Review ${who}, finished ${formatDate(review.finishedAt ?? review.startedAt)}: ${review.examined} grants examined, ${removed}.`;
}
