/** Version of the event shape; a consumer refuses versions it does not know rather than guess. */
export const SECURITY_EVENT_SCHEMA_VERSION = 1 as const;

/** The BullMQ queue every service (except the isolated vault zone) publishes to and the monitor consumes. */
export const SECURITY_EVENTS_QUEUE = 'security-events';

/** Key prefix shared by publishers and the monitor unless a deployment (or a test) sets its own. */
export const DEFAULT_SECURITY_EVENTS_PREFIX = 'storefront';

/** Every kind of event the monitor understands. Adding one here is the contract change. */
export const SECURITY_EVENT_TYPES = [
  'auth.login.succeeded',
  'auth.login.failed',
  'auth.mfa.failed',
  'auth.account.locked',
  'edge.token.refused',
  'edge.rate_limited',
  'edge.waf.blocked',
  'vault.card.tokenized',
  'vault.charge.approved',
  'vault.charge.declined',
  'kms.key.rotated',
  'order.placed',
  'order.held_for_review',
  'catalog.product.changed',
  'access.permission.denied',
  // The access review (auth): one per staff grant removed, one per finished run.
  'access.grant.revoked',
  'access.review.completed',
  'config.changed',
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

export const SECURITY_EVENT_OUTCOMES = ['success', 'failure', 'blocked'] as const;
export type SecurityEventOutcome = (typeof SECURITY_EVENT_OUTCOMES)[number];

/** Flat on purpose: easy to index, easy to scrub, impossible to smuggle a whole request body into. */
export type SecurityEventDetails = Record<string, string | number | boolean>;

export interface SecurityEventActor {
  userId?: string;
  email?: string;
}

export interface SecurityEventSource {
  ip?: string;
  userAgent?: string;
}

/** One security event as it travels (queue job payload or POST /events body). */
export interface SecurityEvent {
  schema: typeof SECURITY_EVENT_SCHEMA_VERSION;
  id: string;
  type: SecurityEventType;
  service: string;
  occurredAt: string;
  /** The request that caused the event, so its log lines can be found. */
  correlationId?: string;
  actor: SecurityEventActor;
  source: SecurityEventSource;
  outcome: SecurityEventOutcome;
  details: SecurityEventDetails;
}

/** What a caller hands to `publish`: the publisher fills id, time, service, schema and correlation id. */
export type SecurityEventInput = Pick<SecurityEvent, 'type' | 'outcome'> &
  Partial<Pick<SecurityEvent, 'actor' | 'source' | 'details' | 'occurredAt' | 'id'>>;
