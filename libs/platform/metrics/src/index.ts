export {
  ServiceMetrics,
  createServiceMetrics,
  HTTP_REQUESTS_TOTAL,
  HTTP_REQUEST_DURATION_SECONDS,
  HTTP_DURATION_BUCKETS,
  type ServiceMetricsOptions,
  type HttpLabel,
} from './service-metrics';
export { httpMetricsMiddleware } from './http-metrics.middleware';
export { RouteTemplateGuard } from './route-template.guard';
export { startMetricsServer, type MetricsServer, type MetricsServerOptions } from './metrics-server';
export {
  routeTemplate,
  recordRouteTemplate,
  recordedRouteTemplate,
  statusClass,
  methodLabel,
  UNMATCHED_ROUTE,
  type RoutedRequest,
} from './route-template';
