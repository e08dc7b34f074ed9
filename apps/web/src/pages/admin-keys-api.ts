import { stepUpRequest } from '../api/step-up';

/** Where the vault's stored card keys stand against the master key (GET /api/admin/keys/rewrap). */
export interface RewrapProgress {
  currentKeyMaterialId: string;
  totalKeys: number;
  onCurrentVersion: number;
  remaining: number;
  running: boolean;
  lastRun: { startedAt: string; finishedAt: string | null; rewrapped: number; skipped: number; outcome: 'running' | 'finished' | 'failed' } | null;
  /** false while the vault zone's own Redis (the rewrap queue) does not answer. */
  queueAvailable: boolean;
}

// Staff routes: every call may answer STEP_UP_REQUIRED, which stepUpRequest turns into the code prompt.
export function getRewrapProgress(signal?: AbortSignal): Promise<RewrapProgress> {
  return stepUpRequest('/api/admin/keys/rewrap', { signal });
}

/** Rotates the vault's master key now and starts the rewrap (202 with the progress). */
export function rotateMasterKeyNow(): Promise<RewrapProgress> {
  return stepUpRequest('/api/admin/keys/rotate', { method: 'POST' });
}
