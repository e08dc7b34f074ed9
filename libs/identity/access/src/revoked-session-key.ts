/**
 * Where a revoked session is announced: auth writes this key (TTL = the
 * access-token lifetime) when a session ends early, and the gateway refuses
 * any access token whose `sid` has it. One definition, so the writer and the
 * reader cannot drift apart.
 */
export function revokedSessionKey(prefix: string, sessionId: string): string {
  return `${prefix}:revoked-session:${sessionId}`;
}
