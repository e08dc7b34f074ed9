import { openAesGcm, sealAesGcm, type SealedBytes, type SealedData } from './aes-gcm';

/** Overwrites key material in place so it does not linger in the heap until garbage collection. */
export function zeroize(buffer: Uint8Array): void {
  buffer.fill(0);
}

/**
 * Envelope encryption, data side: encrypts `data` under a plaintext data key
 * (as returned by KMS GenerateDataKey) and then ZEROES that key. The caller
 * hands the key over: it is unusable afterwards, which is the point, since
 * only the KMS-wrapped copy may outlive this call.
 */
export function encryptWithDataKey(plaintextKey: Uint8Array, data: Uint8Array, aad: Uint8Array): SealedData {
  try {
    return sealAesGcm(plaintextKey, data, aad);
  } finally {
    zeroize(plaintextKey);
  }
}

/**
 * Decrypts data sealed by encryptWithDataKey with the same `aad`, and ZEROES
 * the plaintext data key whether or not decryption succeeds. Throws on any
 * tampering (ciphertext, IV, tag) or on a different AAD.
 */
export function decryptWithDataKey(plaintextKey: Uint8Array, sealed: SealedBytes, aad: Uint8Array): Buffer {
  try {
    return openAesGcm(plaintextKey, sealed, aad);
  } finally {
    zeroize(plaintextKey);
  }
}
