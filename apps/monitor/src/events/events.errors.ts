import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum EventsError {
  ServiceMismatch = 'EVENT_SERVICE_MISMATCH',
}

export const EVENTS_STATUS: Record<EventsError, HttpStatus> = {
  [EventsError.ServiceMismatch]: HttpStatus.FORBIDDEN,
};

export const eventsError = domainErrorFactory(EVENTS_STATUS);
