import { z } from 'zod';
import { envRules, loadConfig, serviceBaseEnv } from '@storefront/platform/config';

export const catalogEnvSchema = z.object({
  ...serviceBaseEnv(3002),
  CATALOG_DATABASE_URL: envRules.postgresUrl(),
  SEED_DEMO_DATA: envRules.flag(false),
});

export type CatalogConfig = Readonly<z.output<typeof catalogEnvSchema>>;

/** Injection token for the validated, frozen configuration. */
export const CATALOG_CONFIG = Symbol('CATALOG_CONFIG');

/** The only place the catalog reads its environment; throws InvalidConfigError naming every bad variable. */
export function loadCatalogConfig(env: Record<string, string | undefined> = process.env): CatalogConfig {
  return loadConfig('catalog', catalogEnvSchema, env);
}
