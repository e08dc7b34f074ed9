import { setTimeout as sleep } from 'node:timers/promises';
import { WorkerHost } from '@nestjs/bullmq';
import type { OnModuleDestroy } from '@nestjs/common';
import type { Worker } from 'bullmq';

/**
 * Closes a BullMQ worker at shutdown without hanging on an unreachable Redis.
 *
 * A graceful close waits for the current job, and BullMQ waits for Redis
 * for as long as it is down, so a service whose Redis is down would never
 * stop. When Redis does not answer within `readyWithinMs` the worker is
 * force-closed instead; a job it held is not lost (its lock expires, and it
 * is retried or resumed by another worker).
 *
 * Call it from onModuleDestroy: @nestjs/bullmq closes its workers later
 * (onApplicationShutdown), and that close() then returns this one.
 */
export async function closeWorkerWithoutWaitingForRedis(worker: Worker, readyWithinMs = 1_000): Promise<void> {
  const reachable = await Promise.race([
    worker.waitUntilReady().then(
      () => true,
      () => false,
    ),
    sleep(readyWithinMs, false, { ref: false }),
  ]);
  await worker.close(!reachable);
}

/**
 * The WorkerHost every @Processor of this project extends: its worker is
 * closed by closeWorkerWithoutWaitingForRedis, so no service's shutdown
 * waits on a Redis that is down.
 */
export abstract class PromptlyClosingWorkerHost extends WorkerHost implements OnModuleDestroy {
  onModuleDestroy(): Promise<void> {
    return closeWorkerWithoutWaitingForRedis(this.worker);
  }
}
