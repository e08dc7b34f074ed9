export { createCertificateAuthority, issueCertificate, certificateExpiry, type KeyAndCertificate } from './certificate-authority';
export { ensureDevSecrets, type DevSecretsOptions } from './dev-secrets';
