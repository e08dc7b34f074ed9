import type { DynamicModule, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';

type ModuleRef = Type<unknown> | DynamicModule | Promise<DynamicModule> | { forwardRef: () => unknown } | undefined;

/**
 * Every controller class reachable from a root module, found by walking the
 * `@Module` metadata and dynamic modules' definitions (what Nest's scanner
 * reads), keyed by class name.
 */
export function controllersOf(root: Type<unknown>): Map<string, Type<unknown>> {
  const found = new Map<string, Type<unknown>>();
  const seen = new Set<unknown>();
  const visit = (ref: ModuleRef) => {
    if (!ref || ref instanceof Promise || 'forwardRef' in ref || seen.has(ref)) return;
    seen.add(ref);
    const dynamic = 'module' in ref ? ref : undefined;
    const moduleClass = dynamic ? dynamic.module : (ref as Type<unknown>);
    const controllers = [
      ...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, moduleClass) ?? []) as Type<unknown>[]),
      ...((dynamic?.controllers ?? []) as Type<unknown>[]),
    ];
    for (const controller of controllers) found.set(controller.name, controller);
    const imports = [...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, moduleClass) ?? []) as ModuleRef[]), ...((dynamic?.imports ?? []) as ModuleRef[])];
    imports.forEach(visit);
  };
  visit(root);
  return found;
}
