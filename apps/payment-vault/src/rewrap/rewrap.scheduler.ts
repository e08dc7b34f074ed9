import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { VAULT_CONFIG, type VaultConfig } from '../config/payment-vault.config';
import { CARD_KEY_REWRAP_JOB, CARD_KEY_REWRAP_JOB_OPTIONS, CARD_KEY_REWRAP_QUEUE, CARD_KEY_REWRAP_SCHEDULER_ID, type RewrapJobData } from './rewrap.queue';
import type { RewrapResult } from './rewrap.service';

/** How long a call that needs the vault's Redis waits before it gives up: charges never wait on it, admin views only briefly. */
const REDIS_WAIT_MS = 2_000;
/** How long POST /internal/rewrap waits for its run to finish, and how often it looks. */
const RUN_WAIT_MS = 60_000;
const RUN_POLL_MS = 100;

export class RewrapQueueUnavailableError extends Error {
  constructor(what: string) {
    super(`the vault's Redis did not answer (${what})`);
  }
}

/** A run awaited on demand that did not finish: it failed an attempt (the KMS is down; BullMQ retries it) or is still going. */
export class RewrapRunUnfinishedError extends Error {}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RewrapQueueUnavailableError(what)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The producer side of the rewrap queue: the repeatable schedule, runs
 * started on demand, and the runs' states for the progress view. Every call
 * is bounded: with its Redis down the vault keeps tokenizing and charging,
 * and the rewrap waits until Redis is back.
 */
@Injectable()
export class RewrapScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(RewrapScheduler.name);

  constructor(
    @InjectQueue(CARD_KEY_REWRAP_QUEUE) private readonly queue: Queue<RewrapJobData, RewrapResult>,
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
  ) {
    // ioredis reports every reconnect attempt; the calls below report their own failures.
    this.queue.on('error', () => undefined);
  }

  /**
   * Upserted at every start, so a changed interval takes effect and replicas
   * share one schedule. The first run comes one interval after the start: a
   * run interrupted by the restart is not lost, BullMQ hands it to a worker
   * as stalled. Not awaited: the vault starts without its Redis.
   */
  onApplicationBootstrap(): void {
    const every = this.config.VAULT_REWRAP_INTERVAL_SECONDS * 1000;
    this.queue
      .upsertJobScheduler(CARD_KEY_REWRAP_SCHEDULER_ID, { every, startDate: Date.now() + every }, { name: CARD_KEY_REWRAP_JOB, data: {}, opts: CARD_KEY_REWRAP_JOB_OPTIONS })
      .then(() => this.logger.log({ everySeconds: this.config.VAULT_REWRAP_INTERVAL_SECONDS }, 'card key rewrap scheduled'))
      .catch((error: unknown) => this.logger.error({ reason: error instanceof Error ? error.message : String(error) }, 'card key rewrap schedule not registered'));
  }

  /** Queues a run now (each its own job: a run that finds nothing to do costs one count). */
  async enqueue(jobId = `run-${randomUUID()}`): Promise<Job<RewrapJobData, RewrapResult>> {
    return within(this.queue.add(CARD_KEY_REWRAP_JOB, {}, { ...CARD_KEY_REWRAP_JOB_OPTIONS, jobId }), REDIS_WAIT_MS, 'queue a run');
  }

  /**
   * Queues a run and waits for its result (ops and tests: POST /internal/rewrap).
   * Polled rather than awaited through QueueEvents: its blocking connection
   * cannot be closed while Redis is down, and the vault must stop cleanly then.
   */
  async runAndWait(): Promise<RewrapResult> {
    const id = `run-${randomUUID()}`;
    await this.enqueue(id);
    const deadline = Date.now() + RUN_WAIT_MS;
    for (;;) {
      // The state first, then the job: read the other way round, a run that completes in between
      // looks completed while the copy read earlier has no result yet.
      const state = await within(this.queue.getJobState(id), REDIS_WAIT_MS, 'read the run');
      const job = await within(this.queue.getJob(id), REDIS_WAIT_MS, 'read the run');
      if (job && state === 'completed') return job.returnvalue;
      // A failed attempt waits in `delayed` for its retry: the caller hears of it now, the job resumes on its own.
      if (!job || state === 'failed' || (state === 'delayed' && job.attemptsMade > 0)) throw new RewrapRunUnfinishedError(`rewrap run ${id}: ${job?.failedReason ?? 'gone'}`);
      if (Date.now() > deadline) throw new RewrapRunUnfinishedError(`rewrap run ${id} still going after ${RUN_WAIT_MS} ms`);
      await sleep(RUN_POLL_MS);
    }
  }

  /**
   * The newest run that started or is waiting to (the schedule's next run,
   * delayed and never attempted, is not one), or null.
   */
  async latestRun(): Promise<{ job: Job<RewrapJobData, RewrapResult>; state: string } | null> {
    const jobs = await within(this.queue.getJobs(['active', 'waiting', 'delayed', 'completed', 'failed'], 0, 20), REDIS_WAIT_MS, 'read runs');
    const runs = jobs.filter((job) => job && !(job.attemptsMade === 0 && job.delay > 0 && !job.processedOn));
    const newest = runs.sort((a, b) => b.timestamp - a.timestamp)[0];
    return newest ? { job: newest, state: await within(newest.getState(), REDIS_WAIT_MS, 'read a run') } : null;
  }
}
