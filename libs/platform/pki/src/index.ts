export { createCertificateAuthority, issueCertificate, certificateExpiry, describeCertificate, type KeyAndCertificate } from './certificate-authority';
export { ensureDevSecrets, leafNeedsRenewal, LEAF_VALID_DAYS, type DevSecretsOptions } from './dev-secrets';
