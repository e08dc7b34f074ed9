export { loadConfig, InvalidConfigError } from './load-config';
export { envRules, serviceBaseEnv } from './env-rules';
export { exitOnInvalidConfig } from './exit-on-invalid-config';
export { redisTlsOptions, type RedisTlsOptions } from './redis-tls';
