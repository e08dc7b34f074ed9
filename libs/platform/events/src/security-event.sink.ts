import type { SecurityEvent } from './security-event.types';

/** Where validated, scrubbed events go: a BullMQ queue (app zone) or the monitor over mTLS (vault zone). */
export interface SecurityEventSink {
  deliver(event: SecurityEvent): Promise<void>;
  close?(): Promise<void>;
}

export const SECURITY_EVENT_SINK = Symbol('SECURITY_EVENT_SINK');
export const SECURITY_EVENTS_SERVICE = Symbol('SECURITY_EVENTS_SERVICE');
