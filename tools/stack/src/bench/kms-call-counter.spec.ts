import { describe, expect, it } from 'vitest';
import { countKmsCalls } from './kms-call-counter';

describe('countKmsCalls', () => {
  it('sums the POST samples of http_server_requests_total over every route and status class', () => {
    const text = [
      '# HELP http_server_requests_total HTTP requests served, by method, route template and status class.',
      '# TYPE http_server_requests_total counter',
      'http_server_requests_total{method="POST",route="/",status_class="2xx",service="kms"} 120',
      'http_server_requests_total{method="POST",route="/",status_class="4xx",service="kms"} 3',
      'http_server_requests_total{method="GET",route="/healthz",status_class="2xx",service="kms"} 40',
      'http_server_request_duration_seconds_count{method="POST",route="/",status_class="2xx",service="kms"} 120',
    ].join('\n');
    expect(countKmsCalls(text)).toBe(123);
  });

  it('is zero when the counter has no samples yet', () => {
    expect(countKmsCalls('# TYPE http_server_requests_total counter\n')).toBe(0);
  });
});
