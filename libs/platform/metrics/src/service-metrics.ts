import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const HTTP_REQUESTS_TOTAL = 'http_server_requests_total';
export const HTTP_REQUEST_DURATION_SECONDS = 'http_server_request_duration_seconds';
const HTTP_LABELS = ['method', 'route', 'status_class'] as const;
export type HttpLabel = (typeof HTTP_LABELS)[number];

/** Seconds; internal calls are usually fast, the tail up to 10 s is what shows trouble. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface ServiceMetricsOptions {
  /** Node process metrics (CPU, memory, event loop, GC). On by default. */
  nodeDefaults?: boolean;
}

/**
 * One prom-client registry per service (never the global one, so several
 * services in one test process do not collide). Every series carries
 * `service=<name>` so dashboards can tell services apart.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly httpRequests: Counter<HttpLabel>;
  readonly httpDuration: Histogram<HttpLabel>;

  constructor(
    readonly service: string,
    options: ServiceMetricsOptions = {},
  ) {
    this.registry.setDefaultLabels({ service });
    if (options.nodeDefaults ?? true) collectDefaultMetrics({ register: this.registry, labels: { service } });
    this.httpRequests = new Counter({
      name: HTTP_REQUESTS_TOTAL,
      help: 'HTTP requests served, by method, route template and status class.',
      labelNames: HTTP_LABELS,
      registers: [this.registry],
    });
    this.httpDuration = new Histogram({
      name: HTTP_REQUEST_DURATION_SECONDS,
      help: 'HTTP request latency in seconds, by method, route template and status class.',
      labelNames: HTTP_LABELS,
      buckets: HTTP_DURATION_BUCKETS,
      registers: [this.registry],
    });
  }

  /**
   * A counter for security-relevant events (refused logins, denied clients...).
   * Idempotent by name so a feature module created twice (tests) gets the same counter.
   * Label VALUES must come from a closed set (codes, reasons), never ids or user input.
   */
  securityCounter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    const existing = this.registry.getSingleMetric(name);
    if (existing instanceof Counter) return existing as Counter<L>;
    if (existing) throw new Error(`metric ${name} is already registered with another type`);
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A gauge (queue depth, key age...). Idempotent by name, like securityCounter. */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    const existing = this.registry.getSingleMetric(name);
    if (existing instanceof Gauge) return existing as Gauge<L>;
    if (existing) throw new Error(`metric ${name} is already registered with another type`);
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }
}

export function createServiceMetrics(service: string, options?: ServiceMetricsOptions): ServiceMetrics {
  return new ServiceMetrics(service, options);
}
