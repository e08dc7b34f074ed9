/**
 * Where the monitor demands a fresh second factor from an account (its
 * response to a suspicious sign-in): the value is the demand's time in
 * epoch seconds. The gateway refuses that account's requests with
 * STEP_UP_REQUIRED until a token carries an `mfa_at` later than the demand.
 * One definition, so the writer and the reader cannot drift apart.
 */
export function stepUpDemandKey(prefix: string, userId: string): string {
  return `${prefix}:step-up-demand:${userId}`;
}
