import type { SecurityEventSink } from './security-event.sink';

/**
 * For a service started without a route to the monitor (a unit of the stack
 * run alone, an older test harness): every delivery is refused, so the
 * publisher logs "security event dropped" instead of pretending it was sent.
 */
export class DisabledSecurityEventSink implements SecurityEventSink {
  deliver(): Promise<void> {
    return Promise.reject(new Error('security events are not configured for this service'));
  }
}
