import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { httpMetricsMiddleware } from './http-metrics.middleware';
import { methodLabel, recordedRouteTemplate, recordRouteTemplate, routeTemplate, statusClass } from './route-template';
import { HTTP_REQUESTS_TOTAL, ServiceMetrics } from './service-metrics';

const ID = '3f1c2a9e-8d4b-4c7a-9e21-5b6f0d7c8a12';

describe('route template labels', () => {
  it('uses the route template, never the raw URL', () => {
    expect(routeTemplate({ baseUrl: '', route: { path: '/orders/:id' } })).toBe('/orders/:id');
  });

  it('joins the base URL of a mounted router with the route path', () => {
    expect(routeTemplate({ baseUrl: '/admin', route: { path: '/orders/:id' } })).toBe('/admin/orders/:id');
    expect(routeTemplate({ baseUrl: '/admin', route: { path: '/' } })).toBe('/admin');
  });

  it('labels requests no route matched as unmatched', () => {
    expect(routeTemplate({ baseUrl: '' })).toBe('unmatched');
    expect(routeTemplate({ route: { path: /regex/ } })).toBe('unmatched');
  });

  it('reduces status codes to their class and odd methods to OTHER', () => {
    expect([statusClass(200), statusClass(404), statusClass(503), statusClass(42)]).toEqual(['2xx', '4xx', '5xx', 'unknown']);
    expect([methodLabel('get'), methodLabel('PROPFIND'), methodLabel(undefined)]).toEqual(['GET', 'OTHER', 'OTHER']);
  });

  it('labels a request unmatched until a handler route records its template', () => {
    const req = { baseUrl: '', route: { path: '/products/:id' } };
    expect(recordedRouteTemplate(req)).toBe('unmatched');
    recordRouteTemplate(req);
    expect(recordedRouteTemplate(req)).toBe('/products/:id');
  });

  it('records real Express requests by template, with no id in any label', async () => {
    const metrics = new ServiceMetrics('catalog', { nodeDefaults: false });
    const app = express();
    app.use(httpMetricsMiddleware(metrics));
    // Like Nest's middleware registration: a wildcard route that leaves req.route behind.
    app.all('/{*path}', (_req, _res, next) => next());
    const record = (req: express.Request, _res: express.Response, next: express.NextFunction) => {
      recordRouteTemplate(req);
      next();
    };
    const router = express.Router();
    router.get('/orders/:id', record, (req, res) => void res.json({ id: req.params.id }));
    app.use('/admin', router);
    app.get('/products/:id', record, (_req, res) => void res.status(204).end());

    await request(app).get(`/admin/orders/${ID}`).expect(200);
    await request(app).get(`/products/${ID}`).expect(204);
    await request(app).get(`/products/${ID}`).expect(204);
    await request(app).get(`/nothing/${ID}`).expect(404);

    const counter = await metrics.registry.getSingleMetric(HTTP_REQUESTS_TOTAL)!.get();
    const byRoute = Object.fromEntries(counter.values.map((v) => [`${v.labels.method} ${v.labels.route} ${v.labels.status_class}`, v.value]));
    expect(byRoute).toEqual({ 'GET /admin/orders/:id 2xx': 1, 'GET /products/:id 2xx': 2, 'GET unmatched 4xx': 1 });
    expect(await metrics.registry.metrics()).not.toContain(ID);
  });

  it('gives features the same counter when they register it twice', () => {
    const metrics = new ServiceMetrics('auth', { nodeDefaults: false });
    const first = metrics.securityCounter('auth_login_refused_total', 'Refused logins.', ['reason']);
    expect(metrics.securityCounter('auth_login_refused_total', 'Refused logins.', ['reason'])).toBe(first);
    expect(() => metrics.gauge('auth_login_refused_total', 'x')).toThrow(/another type/);
  });
});
