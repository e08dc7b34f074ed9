import { Logger } from '@nestjs/common';
import type { z } from 'zod';
import { DownstreamError, downstreamError } from './downstream.errors';

const logger = new Logger('DownstreamResponse');

/** A service trusts no one: a reply that does not have the agreed shape is treated as an outage, not used. */
export function parseDownstream<Schema extends z.ZodType>(service: string, schema: Schema, body: unknown): z.output<Schema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  logger.error({ service, issues: result.error.issues.map((issue) => issue.path.join('.')) }, 'downstream reply has an unexpected shape');
  throw downstreamError(DownstreamError.ServiceUnavailable, `The ${service} service gave an unexpected answer.`);
}
