import { defineServiceConfig } from '../define-service-config';
export default defineServiceConfig('catalog', 'CATALOG_DATABASE_URL');
