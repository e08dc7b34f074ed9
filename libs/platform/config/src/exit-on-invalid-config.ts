import { InvalidConfigError } from './load-config';

/** Runs a service's bootstrap; a configuration error ends the process with its message and exit code 78 (EX_CONFIG). */
export async function exitOnInvalidConfig(bootstrap: () => Promise<void>): Promise<void> {
  try {
    await bootstrap();
  } catch (error) {
    if (error instanceof InvalidConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}
