import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { withTimeout } from '@storefront/platform/events';
import { VAULT_CONFIG, type VaultConfig } from '../config/payment-vault.config';
import { CARD_KEY_REWRAP_JOB, CARD_KEY_REWRAP_JOB_OPTIONS, CARD_KEY_REWRAP_QUEUE, CARD_KEY_REWRAP_SCHEDULER_ID, type RewrapJobData } from './rewrap.queue';
import type { RewrapResult } from './rewrap.service';

/**
 * How long a call that needs the vault's Redis waits before it gives up: charges never wait on it, admin
 * views only briefly. Giving up cancels nothing: ioredis may still send the command once Redis is back, so a
 * run reported "not queued" can still happen later (harmless: every run is idempotent).
 */
const REDIS_WAIT_MS = 2_000;
/** How long POST /internal/rewrap waits for its run to finish, and how often it looks. */
const RUN_WAIT_MS = 60_000;
const RUN_POLL_MS = 100;
/** How often the vault checks that the repeating rewrap is still registered in its Redis. */
const SCHEDULE_CHECK_MS = 5 * 60_000;

export class RewrapQueueUnavailableError extends Error {
  constructor(what: string) {
    super(`the vault's Redis did not answer (${what})`);
  }
}

/** A run awaited on demand that did not finish: it failed an attempt (the KMS is down; BullMQ retries it) or is still going. */
export class RewrapRunUnfinishedError extends Error {}

/** Waits for the vault's Redis at most `ms`, then gives up with RewrapQueueUnavailableError naming what waited. */
const within = <T>(work: Promise<T>, ms: number, what: string): Promise<T> => withTimeout(work, ms, () => new RewrapQueueUnavailableError(what));

/**
 * The producer side of the rewrap queue: the repeatable schedule, runs
 * started on demand, and the runs' states for the progress view. Every call
 * is bounded: with its Redis down the vault keeps tokenizing and charging,
 * and the rewrap waits until Redis is back.
 */
@Injectable()
export class RewrapScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RewrapScheduler.name);
  private scheduleCheck?: NodeJS.Timeout;

  constructor(
    @InjectQueue(CARD_KEY_REWRAP_QUEUE) private readonly queue: Queue<RewrapJobData, RewrapResult>,
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
  ) {
    // ioredis reports every reconnect attempt; the calls below report their own failures.
    this.queue.on('error', () => undefined);
  }

  /**
   * Makes sure the schedule exists at start and every SCHEDULE_CHECK_MS
   * after: the vault zone's Redis keeps nothing on disk, so a restarted
   * Redis would otherwise drop it until the vault restarts too. Not
   * awaited: the vault starts without its Redis.
   */
  onApplicationBootstrap(): void {
    void this.ensureSchedule();
    this.scheduleCheck = setInterval(() => void this.ensureSchedule(), SCHEDULE_CHECK_MS);
    this.scheduleCheck.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.scheduleCheck);
  }

  /**
   * Registers the repeating run unless it is there with the configured
   * interval (replicas share one). Only a new registration sets the first
   * run, one interval away, so restarts do not keep pushing it back; a run
   * interrupted by a restart is not lost (BullMQ hands it on as stalled).
   */
  async ensureSchedule(): Promise<void> {
    const every = this.config.VAULT_REWRAP_INTERVAL_SECONDS * 1000;
    try {
      const existing = await within(this.queue.getJobScheduler(CARD_KEY_REWRAP_SCHEDULER_ID), REDIS_WAIT_MS, 'read the schedule');
      if (existing?.every === every) return;
      await within(
        this.queue.upsertJobScheduler(CARD_KEY_REWRAP_SCHEDULER_ID, { every, startDate: Date.now() + every }, { name: CARD_KEY_REWRAP_JOB, data: {}, opts: CARD_KEY_REWRAP_JOB_OPTIONS }),
        REDIS_WAIT_MS,
        'register the schedule',
      );
      this.logger.log({ everySeconds: this.config.VAULT_REWRAP_INTERVAL_SECONDS }, 'card key rewrap scheduled');
    } catch (error) {
      this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'card key rewrap schedule not checked: the vault Redis is unavailable; next check later');
    }
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
