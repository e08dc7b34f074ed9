import { GCM_IV_BYTES, GCM_TAG_BYTES } from '@storefront/vault/crypto';

/**
 * Layout of a ciphertext blob (all the emulator needs to decrypt it later):
 *
 *   [0]      format version (0x01), doubling as a magic byte
 *   [1..16]  CMK id (UUID, 16 raw bytes)
 *   [17..20] CMK version (uint32, big endian)
 *   [21..32] AES-GCM IV (12 bytes)
 *   [33..48] AES-GCM tag (16 bytes)
 *   [49..]   ciphertext
 *
 * The header (first 21 bytes) is part of the AAD, so changing the key id or
 * version in a blob makes it fail to decrypt rather than decrypt elsewhere.
 */
export const BLOB_FORMAT_V1 = 0x01;
const HEADER_BYTES = 1 + 16 + 4;
const MIN_BLOB_BYTES = HEADER_BYTES + GCM_IV_BYTES + GCM_TAG_BYTES + 1;

export interface CiphertextBlob {
  keyId: string;
  keyVersion: number;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

function uuidToBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function bytesToUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The authenticated header of a blob for this key version. */
export function blobHeader(keyId: string, keyVersion: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header[0] = BLOB_FORMAT_V1;
  uuidToBytes(keyId).copy(header, 1);
  header.writeUInt32BE(keyVersion, 17);
  return header;
}

export function encodeBlob(blob: CiphertextBlob): Buffer {
  return Buffer.concat([blobHeader(blob.keyId, blob.keyVersion), blob.iv, blob.tag, blob.ciphertext]);
}

/** Parses a blob; undefined when it is too short or of an unknown format (the caller answers InvalidCiphertextException). */
export function decodeBlob(bytes: Buffer): CiphertextBlob | undefined {
  if (bytes.length < MIN_BLOB_BYTES || bytes[0] !== BLOB_FORMAT_V1) return undefined;
  const ivStart = HEADER_BYTES;
  const tagStart = ivStart + GCM_IV_BYTES;
  const dataStart = tagStart + GCM_TAG_BYTES;
  return {
    keyId: bytesToUuid(bytes.subarray(1, 17)),
    keyVersion: bytes.readUInt32BE(17),
    iv: bytes.subarray(ivStart, tagStart),
    tag: bytes.subarray(tagStart, dataStart),
    ciphertext: bytes.subarray(dataStart),
  };
}
