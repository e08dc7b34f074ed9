import { defineServiceConfig } from '../define-service-config';
export default defineServiceConfig('monitor', 'MONITOR_DATABASE_URL');
