import { defineServiceConfig } from '../define-service-config';
export default defineServiceConfig('kms', 'KMS_DATABASE_URL');
