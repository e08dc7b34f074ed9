/** The BullMQ queue of rewrap runs, in the vault zone's own Redis (VAULT_REDIS_URL): scheduled runs and runs an admin or ops starts. */
export const CARD_KEY_REWRAP_QUEUE = 'card-key-rewrap';

/** The repeatable job's scheduler id: upserted at every start, so replicas share one schedule. */
export const CARD_KEY_REWRAP_SCHEDULER_ID = 'card-key-rewrap-schedule';

export const CARD_KEY_REWRAP_JOB = 'rewrap';

/**
 * A run's payload, and its saved place: identifiers and counters only. Never
 * a card number, a card's ciphertext or a data key (wrapped or not). The
 * cursor is the last card token handled, random and meaningless outside the
 * vault, and only worth anything with the target generation it was made for.
 */
export interface RewrapJobData {
  /** The KMS key material id the run moves cards to (set when the run starts). */
  keyMaterialId?: string;
  /** Cursor: cards up to this token are done (or unreadable); a restarted run continues after it. */
  after?: string;
  rewrapped?: number;
  skipped?: number;
}

/**
 * Retries with backoff while the KMS or the vault database is unavailable;
 * each retry resumes at the saved cursor. Finished runs are kept a while for
 * the admin's progress view.
 */
export const CARD_KEY_REWRAP_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: 50,
  removeOnFail: 50,
} as const;

/**
 * One run at a time per process. A short lock (renewed every 5 s while the
 * worker lives) means a run whose worker was killed is noticed as stalled
 * within ~15 s and handed to another worker, which resumes at the cursor.
 */
export const CARD_KEY_REWRAP_WORKER_OPTIONS = { concurrency: 1, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 5 } as const;
