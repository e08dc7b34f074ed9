/** One access review run, as the admin page shows it. */
export interface AccessReviewDto {
  id: string;
  /** "schedule" or "manual". */
  trigger: string;
  /** The admin who started it; null for a scheduled run. */
  triggeredBy: string | null;
  startedAt: string;
  /** Null while it runs. */
  finishedAt: string | null;
  status: 'running' | 'finished';
  unusedAfterDays: number;
  /** Live staff grants looked at. */
  examined: number;
  /** Grants removed because they went unused. */
  revoked: number;
}
