/** AWS's encryption context: non-secret key/value pairs that must be presented again to decrypt. */
export type EncryptionContext = Readonly<Record<string, string>>;

/**
 * A canonical byte form of the context, used as AAD: pairs sorted by key and
 * JSON-encoded, so the order a caller lists them in does not matter but every
 * key and value does (JSON quoting keeps `{"a":"b,c"}` apart from `{"a":"b","c":""}`).
 */
export function canonicalContext(context: EncryptionContext = {}): Buffer {
  const pairs = Object.entries(context).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Buffer.from(JSON.stringify(pairs), 'utf8');
}
