import { defineServiceConfig } from '../define-service-config';
export default defineServiceConfig('vault', 'VAULT_DATABASE_URL');
