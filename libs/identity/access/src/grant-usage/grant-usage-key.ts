import type { Role } from '../roles';

/**
 * Where the services record when each staff grant was last used: one Redis
 * hash, field `<userId>:<role>`, value epoch milliseconds. Every service
 * writes it under the prefix they already share for security events and
 * revoked sessions (SECURITY_EVENTS_PREFIX); auth's access review reads it.
 * One definition, so the writers and the reader cannot drift apart.
 */
export function grantUsageKey(prefix: string): string {
  return `${prefix}:access:grant-usage`;
}

export function grantUsageField(userId: string, role: Role | string): string {
  return `${userId}:${role}`;
}

/** The other way round; null for a field no writer of this version would produce. */
export function parseGrantUsageField(field: string): { userId: string; role: string } | null {
  const separator = field.lastIndexOf(':');
  if (separator <= 0 || separator === field.length - 1) return null;
  return { userId: field.slice(0, separator), role: field.slice(separator + 1) };
}
