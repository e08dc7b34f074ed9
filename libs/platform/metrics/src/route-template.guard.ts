import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { recordRouteTemplate, type RoutedRequest } from './route-template';

/**
 * Never refuses anything: registered as the FIRST global guard, it runs inside
 * the matched controller route for every request Nest routes (even ones a later
 * guard denies), which is where the route template can be read reliably.
 */
export class RouteTemplateGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() === 'http') recordRouteTemplate(context.switchToHttp().getRequest<RoutedRequest>());
    return true;
  }
}
