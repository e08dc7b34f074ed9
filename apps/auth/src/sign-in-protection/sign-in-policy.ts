/**
 * Brute-force and credential-stuffing policy (PCI DSS v4 8.3.4). Constants,
 * not configuration: the standard sets the ceiling, and a deployment must
 * not be able to loosen it by an environment variable.
 */

/** Failed attempts after which the account is locked (8.3.4: "not more than 10"). */
export const MAX_FAILED_SIGN_INS = 10;
/** How long a lock lasts (8.3.4: "a minimum of 30 minutes"). */
export const LOCK_DURATION_MS = 30 * 60_000;

/** Failures on one account before each further attempt is slowed. */
export const ACCOUNT_DELAY_AFTER_FAILURES = 3;
/** Window in which one source IP's failures are counted. */
export const SOURCE_WINDOW_MS = 10 * 60_000;
/** Distinct emails one source may fail against within the window before it counts as credential stuffing. */
export const STUFFING_DISTINCT_EMAILS = 20;

const BASE_ACCOUNT_DELAY_MS = 250;
const BASE_STUFFING_DELAY_MS = 1_000;
/** Cap on any one wait: well under the gateway's 10 s upstream timeout, so a slowed attempt still gets its answer. */
export const MAX_SIGN_IN_DELAY_MS = 5_000;

const doubling = (base: number, steps: number) => Math.min(base * 2 ** steps, MAX_SIGN_IN_DELAY_MS);

/** Delay before checking a password: grows with the account's failures and with the source's spread over many accounts. */
export function signInDelayMs(accountFailures: number, sourceDistinctEmails: number): number {
  const account = accountFailures >= ACCOUNT_DELAY_AFTER_FAILURES ? doubling(BASE_ACCOUNT_DELAY_MS, accountFailures - ACCOUNT_DELAY_AFTER_FAILURES) : 0;
  const source = sourceDistinctEmails >= STUFFING_DISTINCT_EMAILS ? doubling(BASE_STUFFING_DELAY_MS, sourceDistinctEmails - STUFFING_DISTINCT_EMAILS) : 0;
  return Math.max(account, source);
}

/** True when the account is locked at `now`; a lock that has run out unlocks by itself. */
export function isLocked(lockedUntil: Date | null, now: Date): lockedUntil is Date {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
