import { RequestMethod, type Type } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { type Permission, requiredPermission } from '@storefront/identity/access';
import { allowedClients } from '@storefront/platform/mtls';
import { controllersOf } from './controllers';

/** One HTTP route of a service, with the access decorators Nest will apply to it. */
export interface InventoriedRoute {
  service: string;
  controller: string;
  handler: string;
  /** GET, POST, ... or ALL. */
  method: string;
  /** The path as the service serves it, with Nest's parameters (/products/:id). */
  path: string;
  allowedClients?: string[];
  permission?: Permission;
  /** Names of the guards on the handler and its controller. */
  guards: string[];
}

const reflector = new Reflector();

const asList = (value: unknown): string[] => (Array.isArray(value) ? value : [value ?? '']).map(String);

function joinPath(...parts: string[]): string {
  const joined = parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/');
  return `/${joined}`;
}

function guardNames(...targets: object[]): string[] {
  return targets.flatMap((target) => ((Reflect.getMetadata(GUARDS_METADATA, target) ?? []) as Array<Type<unknown> | object>).map((guard) => ('name' in guard ? String(guard.name) : guard.constructor.name)));
}

/**
 * Every route of every controller reachable from `module`, read from the
 * same metadata Nest's router reads (@Controller path, @Get/@Post/... on
 * each method), with its @AllowedClients, @RequirePermission and guards.
 */
export function routesOf(service: string, module: Type<unknown>): InventoriedRoute[] {
  const routes: InventoriedRoute[] = [];
  for (const [name, controller] of controllersOf(module)) {
    const prefixes = asList(Reflect.getMetadata(PATH_METADATA, controller));
    for (const handler of Object.getOwnPropertyNames(controller.prototype)) {
      const method = (controller.prototype as Record<string, unknown>)[handler];
      if (handler === 'constructor' || typeof method !== 'function') continue;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, method) as RequestMethod | undefined;
      if (requestMethod === undefined) continue;
      for (const prefix of prefixes) {
        for (const sub of asList(Reflect.getMetadata(PATH_METADATA, method))) {
          routes.push({
            service,
            controller: name,
            handler,
            method: RequestMethod[requestMethod],
            path: joinPath(prefix, sub),
            allowedClients: allowedClients(reflector, [method, controller]),
            permission: requiredPermission(reflector, [method, controller]),
            guards: guardNames(controller, method),
          });
        }
      }
    }
  }
  return routes;
}
