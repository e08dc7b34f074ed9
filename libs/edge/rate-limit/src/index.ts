export {
  RedisThrottlerStorage,
  type RedisThrottlerStorageOptions,
  type ThrottlerStorageRecord,
  type EscalatingThrottlerRecord,
  type BlockEscalation,
} from './redis-throttler.storage';
