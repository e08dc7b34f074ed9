export { loadConfig, InvalidConfigError } from './load-config';
export { envRules, serviceBaseEnv } from './env-rules';
export { exitOnInvalidConfig } from './exit-on-invalid-config';
