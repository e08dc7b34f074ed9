/**
 * A PostgreSQL URL that asks for verified TLS: node-postgres (through
 * pg-connection-string, which reads `sslrootcert` as a file) then trusts
 * only `caFile` and checks that the server's certificate names the URL's
 * host, as libpq's `verify-full` does. Compose's databases init job writes
 * every service's URL this way.
 */
export function withVerifiedTls(url: string, caFile: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('sslmode', 'verify-full');
  parsed.searchParams.set('sslrootcert', caFile);
  return parsed.toString();
}
