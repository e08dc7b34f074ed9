import type { NextFunction, Request, Response } from 'express';
import { methodLabel, recordedRouteTemplate, statusClass } from './route-template';
import type { ServiceMetrics } from './service-metrics';

/**
 * Counts and times every request. Installed FIRST so the latency includes
 * body parsing, guards and error handling. Labels are read when the response
 * finishes; the route template is the one recordRouteTemplate saw inside the
 * matched route (RouteTemplateGuard in Nest), else 'unmatched'.
 */
export function httpMetricsMiddleware(metrics: ServiceMetrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const stopTimer = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const labels = { method: methodLabel(req.method), route: recordedRouteTemplate(req), status_class: statusClass(res.statusCode) };
      metrics.httpRequests.inc(labels);
      stopTimer(labels);
    });
    next();
  };
}
