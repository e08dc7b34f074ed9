/**
 * The emulator serves one account in one region. The values only shape ARNs
 * the SDK and callers expect; nothing checks them against real AWS.
 */
export const KMS_REGION = 'us-east-1';
export const KMS_ACCOUNT_ID = '000000000000';

const ARN_PREFIX = `arn:aws:kms:${KMS_REGION}:${KMS_ACCOUNT_ID}:`;

export function keyArn(keyId: string): string {
  return `${ARN_PREFIX}key/${keyId}`;
}

export function aliasArn(aliasName: string): string {
  return `${ARN_PREFIX}${aliasName}`;
}

export type KeyReference = { kind: 'key'; keyId: string } | { kind: 'alias'; aliasName: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const ALIAS_NAME = /^alias\/[A-Za-z0-9/_-]{1,250}$/;

/**
 * Parses the four ways AWS lets a caller name a key: key id, key ARN, alias
 * name, alias ARN. ARNs of another region or account name nothing here.
 * Returns undefined for anything else.
 */
export function parseKeyReference(value: string): KeyReference | undefined {
  const local = value.startsWith(ARN_PREFIX) ? value.slice(ARN_PREFIX.length) : value;
  if (local !== value && local.startsWith('key/')) {
    const keyId = local.slice('key/'.length);
    return UUID.test(keyId) ? { kind: 'key', keyId: keyId.toLowerCase() } : undefined;
  }
  if (ALIAS_NAME.test(local)) return { kind: 'alias', aliasName: local };
  if (local === value && UUID.test(value)) return { kind: 'key', keyId: value.toLowerCase() };
  return undefined;
}
