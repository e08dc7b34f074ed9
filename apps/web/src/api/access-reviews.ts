import { segment } from './http';
import { stepUpRequest } from './step-up';

/** One access review run (auth's /api/admin/access-reviews). */
export interface AccessReview {
  id: string;
  trigger: 'schedule' | 'manual' | string;
  triggeredBy: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'finished';
  unusedAfterDays: number;
  examined: number;
  revoked: number;
}

/** A staff role someone holds today, with its last recorded use (null: never used). */
export interface LiveGrant {
  id: string;
  userId: string;
  email: string;
  role: string;
  grantedAt: string;
  grantedBy: string;
  lastUsedAt: string | null;
}

export interface AccessReviewOverview {
  unusedAfterDays: number;
  intervalHours: number;
  reviews: AccessReview[];
  grants: LiveGrant[];
}

// Staff routes: every call may answer STEP_UP_REQUIRED, which stepUpRequest turns into the code prompt.
export function getAccessReviewOverview(signal?: AbortSignal): Promise<AccessReviewOverview> {
  return stepUpRequest('/api/admin/access-reviews', { signal });
}

export function getAccessReview(id: string, signal?: AbortSignal): Promise<AccessReview> {
  return stepUpRequest(`/api/admin/access-reviews/${segment(id)}`, { signal });
}

/** Queues a review now (202); poll getAccessReview until it is finished. */
export function startAccessReview(): Promise<{ id: string; status: 'queued' }> {
  return stepUpRequest('/api/admin/access-reviews', { method: 'POST' });
}
