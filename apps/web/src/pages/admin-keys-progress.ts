import type { RewrapProgress } from './admin-keys-api';

/** How often the page asks for the rewrap's progress while a run is going. */
export const REWRAP_POLL_MS = 1_000;

/** Share of stored keys already under the current master key version, 0–100 (100 when nothing is stored). */
export function percentOnCurrent(progress: Pick<RewrapProgress, 'totalKeys' | 'onCurrentVersion'>): number {
  if (progress.totalKeys === 0) return 100;
  return Math.floor((progress.onCurrentVersion / progress.totalKeys) * 100);
}

/** One line for the progress area. */
export function describeRewrap(progress: RewrapProgress): string {
  const counts = `${progress.onCurrentVersion} of ${progress.totalKeys} card keys on the newest key version, ${progress.remaining} remaining`;
  if (!progress.queueAvailable) return `The rewrap queue (the vault zone's own Redis) is not answering: rewraps wait for it, cards still charge. ${counts}.`;
  if (progress.running) return `Rewrapping: ${counts}.`;
  if (progress.lastRun?.outcome === 'failed') return `The last rewrap stopped (the key service was unavailable); the next run resumes. ${counts}.`;
  return progress.remaining === 0 ? `Done: ${counts}.` : `Waiting for the next rewrap run: ${counts}.`;
}
