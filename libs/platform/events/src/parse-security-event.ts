import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { scrubPans } from '@storefront/shared/cards';
import { SecurityEventDto } from './security-event.dto';
import type { SecurityEvent } from './security-event.types';

export type ParsedSecurityEvent = { ok: true; event: SecurityEventDto } | { ok: false; problems: string[] };

function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...describe(error.children ?? [], path)];
  });
}

/**
 * Validates anything claiming to be a security event (a queue job, an HTTP
 * body) with the same strictness as an HTTP DTO: unknown fields are refused.
 */
export function parseSecurityEvent(input: unknown): ParsedSecurityEvent {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, problems: ['event must be an object'] };
  const event = plainToInstance(SecurityEventDto, input);
  const errors = validateSync(event, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  return errors.length ? { ok: false, problems: describe(errors) } : { ok: true, event };
}

/**
 * Replaces card numbers in every free-text field with [PAN]. A PAN must never
 * be queued or stored, even when a caller put one in details by mistake.
 */
export function scrubSecurityEvent<T extends SecurityEvent>(event: T): T {
  const details = Object.fromEntries(
    Object.entries(event.details).map(([key, value]) => [key, typeof value === 'string' ? scrubPans(value) : value]),
  );
  const scrub = (value: string | undefined) => (value === undefined ? undefined : scrubPans(value));
  return {
    ...event,
    actor: { ...event.actor, ...(event.actor.email !== undefined ? { email: scrub(event.actor.email) } : {}) },
    source: { ...event.source, ...(event.source.userAgent !== undefined ? { userAgent: scrub(event.source.userAgent) } : {}) },
    details,
  };
}
