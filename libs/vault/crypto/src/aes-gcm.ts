import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const AES_KEY_BYTES = 32;
export const GCM_IV_BYTES = 12;
export const GCM_TAG_BYTES = 16;

/** The three parts AES-256-GCM produces; all three are needed to decrypt. */
export interface SealedData {
  ciphertext: Buffer;
  iv: Buffer;
  tag: Buffer;
}

/** The same three parts as read back from storage (any byte array, e.g. a Prisma Bytes column). */
export interface SealedBytes {
  ciphertext: Uint8Array;
  iv: Uint8Array;
  tag: Uint8Array;
}

function assertKey(key: Uint8Array): void {
  // A wrong-sized key is a programming error; the message never includes the key.
  if (key.byteLength !== AES_KEY_BYTES) throw new Error(`AES-256-GCM needs a ${AES_KEY_BYTES}-byte key, got ${key.byteLength} bytes`);
}

/**
 * AES-256-GCM with a fresh random 96-bit IV per call (the size GCM is
 * specified for) and a full 128-bit tag. `aad` is authenticated, not
 * encrypted: it binds the ciphertext to its context (a token id, a key id),
 * so ciphertext moved to another context fails to decrypt.
 * Does not touch `key`: use this for long-lived keys the caller keeps.
 */
export function sealAesGcm(key: Uint8Array, data: Uint8Array, aad: Uint8Array): SealedData {
  assertKey(key);
  const iv = randomBytes(GCM_IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
  return { ciphertext, iv, tag: cipher.getAuthTag() };
}

/** Inverse of sealAesGcm; throws when the key, IV, tag, ciphertext or AAD do not match. */
export function openAesGcm(key: Uint8Array, sealed: SealedBytes, aad: Uint8Array): Buffer {
  assertKey(key);
  if (sealed.iv.byteLength !== GCM_IV_BYTES) throw new Error(`AES-256-GCM IV must be ${GCM_IV_BYTES} bytes`);
  // Refuse short tags explicitly: Node would otherwise accept a truncated tag and weaken forgery resistance.
  if (sealed.tag.byteLength !== GCM_TAG_BYTES) throw new Error(`AES-256-GCM tag must be ${GCM_TAG_BYTES} bytes`);
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: GCM_TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}
