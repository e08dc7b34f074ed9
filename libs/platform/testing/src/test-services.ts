export interface TestServices {
  /** A superuser URL to the `postgres` database, used to create one database per test file. */
  postgresAdminUrl: string;
  redisUrl: string;
  stop: () => Promise<void>;
}

const NO_RUNTIME = /container runtime strategy|docker.*(not|isn't) running|ENOENT.*docker\.sock/i;

function fromEnvironment(): TestServices {
  const postgresAdminUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!postgresAdminUrl || !redisUrl) {
    throw new Error(
      'Integration tests need PostgreSQL and Redis: start a Docker engine (Testcontainers) or set DATABASE_URL and REDIS_URL ' +
        '(e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379).',
    );
  }
  return { postgresAdminUrl, redisUrl, stop: async () => undefined };
}

/**
 * Real PostgreSQL and Redis for integration tests: containers when a Docker
 * engine answers, otherwise the services named by DATABASE_URL/REDIS_URL.
 * TESTCONTAINERS=off skips the container attempt.
 */
export async function startTestServices(): Promise<TestServices> {
  if (process.env.TESTCONTAINERS === 'off') return fromEnvironment();
  try {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const { RedisContainer } = await import('@testcontainers/redis');
    const postgres = await new PostgreSqlContainer('postgres:16-alpine').withUsername('postgres').withPassword('postgres').start();
    const redis = await new RedisContainer('redis:7-alpine').start();
    return {
      postgresAdminUrl: postgres.getConnectionUri().replace(/\/[^/]*$/, '/postgres'),
      redisUrl: redis.getConnectionUrl(),
      stop: async () => {
        await Promise.all([postgres.stop(), redis.stop()]);
      },
    };
  } catch (error) {
    if (error instanceof Error && NO_RUNTIME.test(error.message)) return fromEnvironment();
    throw error;
  }
}
