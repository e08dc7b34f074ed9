import { z } from 'zod';
import { KmsErrorCode, kmsError } from '../common/kms.errors';
import { ALIAS_NAME } from '../keys/kms-arn';

/*
 * Request shapes of the supported operations, with AWS's documented bounds.
 * These are zod schemas rather than class-validator DTOs because a failure
 * must become an AWS ValidationException, not the platform's
 * VALIDATION_FAILED. Unknown members are ignored (stripped), as AWS does,
 * because newer SDKs add optional members over time.
 */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const keyId = z.string({ error: 'must not be null' }).min(1, 'length must be at least 1').max(2048, 'length must be at most 2048');

const blob = (maxBytes: number) =>
  z
    .string({ error: 'must be a base64 string' })
    .max(Math.ceil(maxBytes / 3) * 4, `must decode to at most ${maxBytes} bytes`)
    .regex(BASE64, 'must be a base64 string')
    .transform((text) => Buffer.from(text, 'base64'))
    .refine((bytes) => bytes.length >= 1, 'must decode to at least 1 byte');

// AWS caps the whole context at 8 KiB; keys and values are plain strings.
const encryptionContext = z
  .record(z.string().min(1, 'keys must not be empty'), z.string({ error: 'values must be strings' }))
  .refine((context) => JSON.stringify(context).length <= 8192, 'must be at most 8192 characters')
  .optional();

const grantTokens = z.array(z.string().min(1).max(8192)).max(10).optional();
const limit = z.number({ error: 'must be an integer' }).int('must be an integer').min(1, 'must be at least 1').max(1000, 'must be at most 1000').optional();
const marker = z.string().min(1).max(1024).regex(/^[\u0020-\u00FF]*$/, 'must be printable').optional();
const symmetricOnly = z.literal('SYMMETRIC_DEFAULT', { error: 'must be SYMMETRIC_DEFAULT (the only algorithm this emulator supports)' }).optional();

export const createKeyRequest = z.object({
  Description: z.string().max(8192, 'length must be at most 8192').optional(),
  KeyUsage: z.string().optional(),
  KeySpec: z.string().optional(),
  CustomerMasterKeySpec: z.string().optional(),
  Origin: z.string().optional(),
  MultiRegion: z.boolean().optional(),
});

export const describeKeyRequest = z.object({ KeyId: keyId, GrantTokens: grantTokens });

export const listKeysRequest = z.object({ Limit: limit, Marker: marker });

export const createAliasRequest = z.object({
  AliasName: z.string({ error: 'must not be null' }).max(256, 'length must be at most 256').regex(ALIAS_NAME, 'must match alias/[a-zA-Z0-9/_-]+'),
  TargetKeyId: keyId,
});

export const listAliasesRequest = z.object({ KeyId: keyId.optional(), Limit: limit, Marker: marker });

export const generateDataKeyRequest = z
  .object({
    KeyId: keyId,
    KeySpec: z.enum(['AES_256', 'AES_128'], { error: 'must be AES_256 or AES_128' }).optional(),
    NumberOfBytes: z.number({ error: 'must be an integer' }).int('must be an integer').min(1, 'must be at least 1').max(1024, 'must be at most 1024').optional(),
    EncryptionContext: encryptionContext,
    GrantTokens: grantTokens,
    DryRun: z.boolean().optional(),
    Recipient: z.unknown().optional(),
  })
  .refine((request) => (request.KeySpec === undefined) !== (request.NumberOfBytes === undefined), {
    message: 'exactly one of KeySpec or NumberOfBytes must be given',
    path: ['KeySpec'],
  });

export const encryptRequest = z.object({
  KeyId: keyId,
  Plaintext: blob(4096),
  EncryptionContext: encryptionContext,
  GrantTokens: grantTokens,
  EncryptionAlgorithm: symmetricOnly,
  DryRun: z.boolean().optional(),
});

export const decryptRequest = z.object({
  CiphertextBlob: blob(6144),
  EncryptionContext: encryptionContext,
  KeyId: keyId.optional(),
  GrantTokens: grantTokens,
  EncryptionAlgorithm: symmetricOnly,
  DryRun: z.boolean().optional(),
  Recipient: z.unknown().optional(),
});

export const enableKeyRotationRequest = z.object({
  KeyId: keyId,
  RotationPeriodInDays: z.number({ error: 'must be an integer' }).int('must be an integer').min(90, 'must be at least 90').max(2560, 'must be at most 2560').optional(),
});

export const getKeyRotationStatusRequest = z.object({ KeyId: keyId });

export const disableKeyRotationRequest = z.object({ KeyId: keyId });

export const rotateKeyOnDemandRequest = z.object({ KeyId: keyId });

export const listKeyRotationsRequest = z.object({
  KeyId: keyId,
  // AWS's two values; ALL_KEY_MATERIAL concerns imported key material, which this emulator does not have.
  IncludeKeyMaterial: z.enum(['ALL_KEY_MATERIAL', 'ROTATIONS_ONLY'], { error: 'must be ALL_KEY_MATERIAL or ROTATIONS_ONLY' }).optional(),
  Limit: limit,
  Marker: marker,
});

export const scheduleKeyDeletionRequest = z.object({
  KeyId: keyId,
  PendingWindowInDays: z.number({ error: 'must be an integer' }).int('must be an integer').min(7, 'must be at least 7').max(30, 'must be at most 30').optional(),
});

/** CancelKeyDeletion, EnableKey and DisableKey all name just the key. */
export const keyOnlyRequest = z.object({ KeyId: keyId });

export const reEncryptRequest = z.object({
  CiphertextBlob: blob(6144),
  SourceEncryptionContext: encryptionContext,
  SourceKeyId: keyId.optional(),
  DestinationKeyId: keyId,
  DestinationEncryptionContext: encryptionContext,
  SourceEncryptionAlgorithm: symmetricOnly,
  DestinationEncryptionAlgorithm: symmetricOnly,
  GrantTokens: grantTokens,
  DryRun: z.boolean().optional(),
});

/** Emulator extension (no AWS operation): which version of which key to disable. */
export const disableKeyVersionRequest = z.object({
  KeyId: keyId,
  Version: z.number({ error: 'must be an integer' }).int('must be an integer').min(1, 'must be at least 1').max(2 ** 31 - 1, 'must fit in 31 bits'),
});

/** Parses a request body; any problem becomes one AWS ValidationException listing every failed member. */
export function parseRequest<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `Value at '${issue.path.join('.') || 'body'}' failed to satisfy constraint: ${issue.message}`);
  const noun = problems.length === 1 ? 'validation error' : 'validation errors';
  throw kmsError(KmsErrorCode.Validation, `${problems.length} ${noun} detected: ${problems.join('; ')}`);
}
