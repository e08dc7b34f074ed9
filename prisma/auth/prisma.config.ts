import { defineServiceConfig } from '../define-service-config';
export default defineServiceConfig('auth', 'AUTH_DATABASE_URL');
