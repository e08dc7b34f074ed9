export {
  SECURITY_EVENT_SCHEMA_VERSION,
  SECURITY_EVENTS_QUEUE,
  DEFAULT_SECURITY_EVENTS_PREFIX,
  SECURITY_EVENT_TYPES,
  SECURITY_EVENT_OUTCOMES,
  type SecurityEvent,
  type SecurityEventInput,
  type SecurityEventType,
  type SecurityEventOutcome,
  type SecurityEventDetails,
  type SecurityEventActor,
  type SecurityEventSource,
} from './security-event.types';
export { SecurityEventDto, SecurityEventActorDto, SecurityEventSourceDto } from './security-event.dto';
export { isFlatDetails, IsFlatDetails } from './is-flat-details.validator';
export { parseSecurityEvent, scrubSecurityEvent, type ParsedSecurityEvent } from './parse-security-event';
export { SecurityEventPublisher, PUBLISH_TIMEOUT_MS } from './security-event.publisher';
export { type SecurityEventSink, SECURITY_EVENT_SINK } from './security-event.sink';
export { BullMqSecurityEventSink, SECURITY_EVENT_JOB_OPTIONS } from './bullmq-security-event.sink';
export { DisabledSecurityEventSink } from './disabled-security-event.sink';
export { HttpSecurityEventSink, type MonitorClient } from './http-security-event.sink';
export { SecurityEventsModule, type SecurityEventsRedisOptions, type SecurityEventsHttpOptions } from './security-events.module';
export { closeWorkerWithoutWaitingForRedis, PromptlyClosingWorkerHost } from './close-worker';
export { withTimeout } from './with-timeout';
