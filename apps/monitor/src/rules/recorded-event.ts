import type { SecurityEvent } from '@storefront/platform/events';
import type { RecordedEvent } from './rule';

/** The same normalisation the repository applies when storing (user ids and emails lower-cased). */
export function toRecordedEvent(event: SecurityEvent): RecordedEvent {
  const email = event.actor.email?.trim().toLowerCase();
  return {
    id: event.id,
    type: event.type,
    occurredAt: new Date(event.occurredAt),
    ...(event.actor.userId ? { userId: event.actor.userId.toLowerCase() } : {}),
    ...(email ? { email } : {}),
    ...(event.source.ip ? { ip: event.source.ip } : {}),
    details: event.details,
  };
}
