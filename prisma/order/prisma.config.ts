import { defineServiceConfig } from '../define-service-config';
export default defineServiceConfig('order', 'ORDER_DATABASE_URL');
