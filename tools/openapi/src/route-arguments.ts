import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Type } from '@nestjs/common';

/** The DTO classes a handler validates its body, query and path parameters with. */
export interface HandlerInputs {
  body?: Type<unknown>;
  query?: Type<unknown>;
  params?: Type<unknown>;
  /** Named request headers the handler reads (`@Headers('idempotency-key')`). */
  headers: string[];
}

const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Object, Array]);

/**
 * Reads what Nest itself records for `@Body() dto: X`, `@Query() q: Y` and
 * `@Param() p: Z` (whole-object arguments with a class type): the same
 * classes the ValidationPipe validates against, so the description cannot
 * drift from what the service enforces.
 */
export function handlerInputs(controller: Type<unknown>, method: string): HandlerInputs {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number; data?: unknown }>;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as unknown[];
  const inputs: HandlerInputs = { headers: [] };
  for (const [key, arg] of Object.entries(args)) {
    const kind = Number(key.split(':')[0]);
    const type = types[arg.index];
    if (kind === RouteParamtypes.HEADERS && typeof arg.data === 'string') inputs.headers.push(arg.data.toLowerCase());
    if (arg.data !== undefined || typeof type !== 'function' || PRIMITIVES.has(type)) continue;
    if (kind === RouteParamtypes.BODY) inputs.body = type as Type<unknown>;
    if (kind === RouteParamtypes.QUERY) inputs.query = type as Type<unknown>;
    if (kind === RouteParamtypes.PARAM) inputs.params = type as Type<unknown>;
  }
  return inputs;
}
