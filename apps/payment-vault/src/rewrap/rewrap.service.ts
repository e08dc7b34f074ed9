import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { SecurityEventPublisher } from '@storefront/platform/events';
import { DomainError } from '@storefront/platform/http';
import { CardCipherService } from '../card-vault/card-cipher.service';
import { CardVaultError } from '../card-vault/card-vault.errors';
import { VAULT_CONFIG, type VaultConfig } from '../config/payment-vault.config';
import type { RewrapJobData } from './rewrap.queue';
import { RewrapRepository } from './rewrap.repository';
import { RewrapScheduler } from './rewrap.scheduler';

export interface RewrapResult {
  /** Cards this run moved to the current key generation. */
  rewrapped: number;
  /** Cards still under an older generation afterwards (unreadable ones, or written by a racing rotation). */
  remaining: number;
}

/** The newest run (from the queue), for the admin's progress view. */
export interface RewrapRun {
  startedAt: string;
  /** null while the run is going. */
  finishedAt: string | null;
  rewrapped: number;
  skipped: number;
  /** 'failed' when the KMS became unavailable; the job's next attempt (or the next run) resumes. */
  outcome: 'running' | 'finished' | 'failed';
}

/** Where the stored card keys stand against the master key's current generation. */
export interface RewrapProgress {
  /** KMS KeyMaterialId new data keys are wrapped under (an identifier, not key material). */
  currentKeyMaterialId: string;
  /** Every stored card data key. */
  totalKeys: number;
  /** Keys already wrapped under the current generation. */
  onCurrentVersion: number;
  /** Keys still under an older generation (or of unknown generation). */
  remaining: number;
  running: boolean;
  lastRun: RewrapRun | null;
  /** false while the vault's Redis does not answer: no run can start, the rewrap waits (cards still charge). */
  queueAvailable: boolean;
}

/**
 * After the KMS rotates the master key, moves every card's wrapped data key
 * to the current generation with KMS ReEncrypt. Only wrapped keys move: no
 * card number is decrypted, and the PAN ciphertext is not rewritten.
 *
 * Each run is a BullMQ job in the vault zone's own Redis (rewrap.queue.ts).
 * Idempotent because the work list is the database itself: a row is "to do"
 * while its key material id is not the current one, and a row is replaced
 * only if it still holds the wrapped key the run read, so a run done twice,
 * or two runs at once, move each key once. Resumable because the job saves
 * its cursor after every page: a worker killed midway leaves a stalled job
 * that another worker picks up at the cursor.
 */
@Injectable()
export class RewrapService {
  private readonly logger = new Logger(RewrapService.name);

  constructor(
    private readonly cards: RewrapRepository,
    private readonly cipher: CardCipherService,
    private readonly events: SecurityEventPublisher,
    private readonly scheduler: RewrapScheduler,
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
  ) {}

  /** Queues a run without waiting for it (admin "rotate now"); false when the vault's Redis is down (the schedule catches up later). */
  async start(): Promise<boolean> {
    try {
      await this.scheduler.enqueue();
      return true;
    } catch (error) {
      this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'rewrap not queued: the scheduled run will move the keys once the vault Redis is back');
      return false;
    }
  }

  async progress(): Promise<RewrapProgress> {
    const current = await this.cipher.currentKeyMaterialId();
    const [totalKeys, remaining, latest] = await Promise.all([
      this.cards.countAll(),
      this.cards.countStale(current),
      this.scheduler.latestRun().then(
        (run) => ({ available: true, run }),
        () => ({ available: false, run: null }),
      ),
    ]);
    const run = latest.run;
    const running = run !== null && (run.state === 'active' || run.state === 'waiting');
    return {
      currentKeyMaterialId: current,
      totalKeys,
      onCurrentVersion: totalKeys - remaining,
      remaining,
      running,
      lastRun: run ? toRun(run.job, run.state) : null,
      queueAvailable: latest.available,
    };
  }

  /** One run: the job's work (RewrapProcessor). Continues after the job's saved cursor when it was made for the current generation. */
  async run(job: Job<RewrapJobData, RewrapResult>): Promise<RewrapResult> {
    const current = await this.cipher.currentKeyMaterialId();
    const saved = job.data ?? {};
    // A cursor made for an older target (a rotation since) is worth nothing: every card is to be checked again.
    let state: RewrapJobData = saved.keyMaterialId === current ? { ...saved } : { keyMaterialId: current, rewrapped: 0, skipped: 0 };
    if (state.after) this.logger.log({ jobId: job.id, rewrapped: state.rewrapped, skipped: state.skipped }, 'rewrap resuming at its saved cursor');
    const pageSize = this.config.VAULT_REWRAP_PAGE_SIZE;
    for (;;) {
      const page = await this.cards.staleCards(current, pageSize, state.after);
      let rewrapped = state.rewrapped ?? 0;
      let skipped = state.skipped ?? 0;
      for (const card of page) {
        try {
          const next = await this.cipher.rewrapKey(card.token, card.wrappedKey, card.kmsKeyId);
          if (await this.cards.replaceWrappedKey(card.token, card.wrappedKey, next)) rewrapped += 1;
        } catch (error) {
          // One unreadable row (already logged by the cipher) must not stop the others; a KMS outage stops the run.
          if (error instanceof DomainError && error.code === CardVaultError.CardUnreadable) {
            skipped += 1;
            continue;
          }
          this.logger.error({ jobId: job.id, rewrapped, skipped }, 'rewrap stopped: the KMS is unavailable; the job retries from its cursor');
          throw error;
        }
      }
      if (page.length === 0) break;
      state = { ...state, after: page[page.length - 1].token, rewrapped, skipped };
      // Saved before the next page: a worker killed from here on resumes after this page.
      await job.updateData(state);
      this.logger.log({ jobId: job.id, rewrapped, skipped }, 'rewrap progress');
      if (page.length < pageSize) break;
      if (this.config.VAULT_REWRAP_PAGE_PAUSE_MS > 0) await sleep(this.config.VAULT_REWRAP_PAGE_PAUSE_MS);
    }
    const rewrapped = state.rewrapped ?? 0;
    const skipped = state.skipped ?? 0;
    const remaining = await this.cards.countStale(current);
    this.logger.log({ jobId: job.id, rewrapped, skipped, remaining }, 'rewrap run finished');
    // The kms has no route to Redis nor (yet) an event sink; the vault seeing cards move to a new generation is
    // the moment a master-key rotation takes effect for card data, so the vault reports it.
    if (rewrapped > 0) {
      void this.events.publish({ type: 'kms.key.rotated', outcome: 'success', details: { observedBy: 'payment-vault.rewrap', keyMaterialId: current, rewrapped, skipped, remaining } });
    }
    return { rewrapped, remaining };
  }
}

const OUTCOMES: Record<string, RewrapRun['outcome']> = { active: 'running', waiting: 'running', completed: 'finished', failed: 'failed', delayed: 'failed' };

/** A job as the progress view shows it (a delayed job that has started is a failed attempt waiting for its retry). */
function toRun(job: Job<RewrapJobData, RewrapResult>, state: string): RewrapRun {
  const outcome = OUTCOMES[state] ?? 'running';
  return {
    startedAt: new Date(job.processedOn ?? job.timestamp).toISOString(),
    finishedAt: outcome === 'running' || !job.finishedOn ? null : new Date(job.finishedOn).toISOString(),
    rewrapped: job.returnvalue?.rewrapped ?? job.data?.rewrapped ?? 0,
    skipped: job.data?.skipped ?? 0,
    outcome,
  };
}
