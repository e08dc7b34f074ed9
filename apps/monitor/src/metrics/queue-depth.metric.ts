import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { SECURITY_EVENTS_QUEUE } from '@storefront/platform/events';
import { ServiceMetrics } from '@storefront/platform/metrics';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * security_events_queue_depth{state}: read from Redis at scrape time, so a
 * monitor that has stopped consuming still shows the backlog growing.
 */
@Injectable()
export class QueueDepthMetric implements OnModuleInit {
  constructor(
    private readonly metrics: ServiceMetrics,
    @InjectQueue(SECURITY_EVENTS_QUEUE) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    if (this.metrics.registry.getSingleMetric('security_events_queue_depth')) return;
    const queue = this.queue;
    new Gauge({
      name: 'security_events_queue_depth',
      help: 'Jobs in the security-events queue, by state.',
      labelNames: ['state'],
      registers: [this.metrics.registry],
      async collect() {
        const counts = await queue.getJobCounts(...STATES).catch(() => null);
        if (!counts) return;
        for (const state of STATES) this.set({ state }, counts[state] ?? 0);
      },
    });
  }
}
