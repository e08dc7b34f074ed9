/**
 * KMS calls, as the kms service counts them: the sum of its
 * http_server_requests_total samples for POST (every AWS JSON operation is a
 * POST; health checks and metric scrapes are GETs or not counted).
 */
const REQUESTS_SAMPLE = /^http_server_requests_total\{([^}]*)\}\s+([0-9.eE+]+)\s*$/;

export function countKmsCalls(prometheusText: string): number {
  let total = 0;
  for (const line of prometheusText.split('\n')) {
    const sample = REQUESTS_SAMPLE.exec(line);
    if (sample && /(^|,)method="POST"/.test(sample[1])) total += Number(sample[2]);
  }
  return total;
}

export async function readKmsCalls(metricsUrl: string): Promise<number> {
  const res = await fetch(metricsUrl);
  if (!res.ok) throw new Error(`kms metrics answered ${res.status}`);
  return countKmsCalls(await res.text());
}
