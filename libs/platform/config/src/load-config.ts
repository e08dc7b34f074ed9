import type { z } from 'zod';

export class InvalidConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: ReadonlyArray<{ variable: string; rule: string }>,
  ) {
    const lines = problems.map((p) => `  ${p.variable.padEnd(26)} ${p.rule}`);
    super([`${service}: invalid configuration`, ...lines, `see apps/${service}/.env.example`].join('\n'));
    this.name = 'InvalidConfigError';
  }
}

/**
 * Validates the environment once, before Nest builds anything, and returns
 * an immutable typed object. Every problem is reported at once, naming the
 * variable and the rule, never the value (values can be secrets).
 */
export function loadConfig<Schema extends z.ZodType>(
  service: string,
  schema: Schema,
  env: Record<string, string | undefined>,
): Readonly<z.output<Schema>> {
  const result = schema.safeParse(env);
  if (result.success) return Object.freeze(result.data) as Readonly<z.output<Schema>>;
  const problems = result.error.issues.map((issue) => ({
    variable: issue.path.join('.') || '(environment)',
    rule: issue.message,
  }));
  throw new InvalidConfigError(service, problems);
}
