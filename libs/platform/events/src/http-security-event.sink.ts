import type { SecurityEventSink } from './security-event.sink';
import type { SecurityEvent } from './security-event.types';

/**
 * What the sink needs from a client for the monitor. A ServiceClient from
 * @storefront/platform/mtls fits; the lib only names the shape, because a
 * data-access lib may not depend on the mtls feature lib.
 */
export interface MonitorClient {
  json<T>(request: { method: string; path: string; body?: object; timeoutMs?: number }): Promise<T>;
}

/**
 * For the vault zone, which has no route to the app zone's Redis: POST /events to the
 * monitor over mutual TLS. A refusal (4xx) or an outage rejects, and the
 * publisher logs and drops the event.
 */
export class HttpSecurityEventSink implements SecurityEventSink {
  constructor(private readonly monitorClient: MonitorClient) {}

  async deliver(event: SecurityEvent): Promise<void> {
    await this.monitorClient.json({ method: 'POST', path: '/events', body: event, timeoutMs: 2_000 });
  }
}
