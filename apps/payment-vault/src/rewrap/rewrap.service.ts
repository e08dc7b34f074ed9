import { Injectable, Logger } from '@nestjs/common';
import { SecurityEventPublisher } from '@storefront/platform/events';
import { DomainError } from '@storefront/platform/http';
import { CardCipherService } from '../card-vault/card-cipher.service';
import { CardVaultError } from '../card-vault/card-vault.errors';
import { RewrapRepository } from './rewrap.repository';

export interface RewrapResult {
  /** Cards this run moved to the current key generation. */
  rewrapped: number;
  /** Cards still under an older generation afterwards (unreadable ones, or written by a racing rotation). */
  remaining: number;
}

/** The last (or current) run of this process, for the admin's progress view. */
export interface RewrapRun {
  startedAt: string;
  /** null while the run is going. */
  finishedAt: string | null;
  rewrapped: number;
  skipped: number;
  /** 'failed' when the KMS became unavailable; the next run resumes. */
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
}

const PAGE_SIZE = 100;

/**
 * After the KMS rotates the master key, moves every card's wrapped data key
 * to the current generation with KMS ReEncrypt. Only wrapped keys move: no
 * card number is decrypted, and the PAN ciphertext is not rewritten.
 *
 * Resumable and idempotent because its state is the database itself: a row
 * is "to do" while its key material id is not the current one, so a run
 * that stops half-way simply leaves the rest for the next, and a rerun
 * finds nothing to do. Runs in-process (the vault zone has no Redis).
 */
@Injectable()
export class RewrapService {
  private readonly logger = new Logger(RewrapService.name);
  private running?: Promise<RewrapResult>;
  private lastRun?: RewrapRun;

  constructor(
    private readonly cards: RewrapRepository,
    private readonly cipher: CardCipherService,
    private readonly events: SecurityEventPublisher,
  ) {}

  /** One run; a call while a run is in progress joins it rather than starting a second one in this process. */
  run(): Promise<RewrapResult> {
    this.running ??= this.rewrapAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Starts a run (or joins the one going) without waiting for it: the admin watches it through progress(). */
  start(): void {
    this.run().catch(() => {
      // Logged by the run; the outcome shows in progress().
    });
  }

  async progress(): Promise<RewrapProgress> {
    const current = await this.cipher.currentKeyMaterialId();
    const [totalKeys, remaining] = await Promise.all([this.cards.countAll(), this.cards.countStale(current)]);
    return {
      currentKeyMaterialId: current,
      totalKeys,
      onCurrentVersion: totalKeys - remaining,
      remaining,
      running: this.running !== undefined,
      lastRun: this.lastRun ? { ...this.lastRun } : null,
    };
  }

  private async rewrapAll(): Promise<RewrapResult> {
    const run: RewrapRun = { startedAt: new Date().toISOString(), finishedAt: null, rewrapped: 0, skipped: 0, outcome: 'running' };
    this.lastRun = run;
    try {
      return await this.rewrapPages(run);
    } catch (error) {
      run.outcome = 'failed';
      throw error;
    } finally {
      run.finishedAt = new Date().toISOString();
      if (run.outcome === 'running') run.outcome = 'finished';
    }
  }

  private async rewrapPages(run: RewrapRun): Promise<RewrapResult> {
    const current = await this.cipher.currentKeyMaterialId();
    let rewrapped = 0;
    let skipped = 0;
    let after: string | undefined;
    for (;;) {
      const page = await this.cards.staleCards(current, PAGE_SIZE, after);
      for (const card of page) {
        try {
          const next = await this.cipher.rewrapKey(card.token, card.wrappedKey, card.kmsKeyId);
          if (await this.cards.replaceWrappedKey(card.token, card.wrappedKey, next)) run.rewrapped = rewrapped += 1;
        } catch (error) {
          // One unreadable row (already logged by the cipher) must not stop the others; a KMS outage stops the run.
          if (error instanceof DomainError && error.code === CardVaultError.CardUnreadable) {
            run.skipped = skipped += 1;
            continue;
          }
          this.logger.error({ rewrapped, skipped }, 'rewrap stopped: the KMS is unavailable; the next run resumes');
          throw error;
        }
      }
      if (page.length > 0) this.logger.log({ rewrapped, skipped }, 'rewrap progress');
      if (page.length < PAGE_SIZE) break;
      after = page[page.length - 1].token;
    }
    const remaining = await this.cards.countStale(current);
    this.logger.log({ rewrapped, skipped, remaining }, 'rewrap run finished');
    // The kms has no route to Redis nor (yet) an event sink; the vault seeing cards move to a new generation is
    // the moment a master-key rotation takes effect for card data, so the vault reports it.
    if (rewrapped > 0) {
      void this.events.publish({ type: 'kms.key.rotated', outcome: 'success', details: { observedBy: 'payment-vault.rewrap', keyMaterialId: current, rewrapped, skipped, remaining } });
    }
    return { rewrapped, remaining };
  }
}
