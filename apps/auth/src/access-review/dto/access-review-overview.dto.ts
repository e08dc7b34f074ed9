import type { AccessReviewDto } from './access-review.dto';
import type { LiveGrantDto } from './live-grant.dto';

/** GET /admin/access-reviews: the policy, the latest runs (newest first) and every live staff grant. */
export interface AccessReviewOverviewDto {
  unusedAfterDays: number;
  /** 0 when the schedule is off. */
  intervalHours: number;
  reviews: AccessReviewDto[];
  grants: LiveGrantDto[];
}
