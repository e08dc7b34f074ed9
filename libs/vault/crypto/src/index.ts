export { sealAesGcm, openAesGcm, AES_KEY_BYTES, GCM_IV_BYTES, GCM_TAG_BYTES, type SealedData, type SealedBytes } from './aes-gcm';
export { encryptWithDataKey, decryptWithDataKey, zeroize } from './envelope';
export { cardFingerprint } from './fingerprint';
export { readBase64KeyFile, describeKeyFileProblem, type KeyFileProblem } from './key-file';
