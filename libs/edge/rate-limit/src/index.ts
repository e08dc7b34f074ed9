export { RedisThrottlerStorage, type RedisThrottlerStorageOptions, type ThrottlerStorageRecord } from './redis-throttler.storage';
