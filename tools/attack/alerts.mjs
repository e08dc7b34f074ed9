import { setTimeout as sleep } from 'node:timers/promises';
import { brief } from './http.mjs';
import { SetupError } from './context.mjs';

/**
 * The monitor works from a queue: polls GET /api/admin/alerts as a staff
 * member until an alert matches, within a deadline. Returns the alert or
 * undefined; a refused list (not staff, stale second factor) is a SetupError.
 */
export async function waitForAlert(client, staff, matches, deadlineMs = 30_000) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const res = await client.call('GET', '/api/admin/alerts?limit=200', { token: staff.token });
    if (res.status !== 200) throw new SetupError(`GET /api/admin/alerts as staff: ${brief(res)}`);
    const alert = res.body.items.find(matches);
    if (alert || Date.now() >= deadline) return alert;
    await sleep(1_000);
  }
}

/** One line for evidence: rule, severity, summary and what the monitor did about it. */
export function describeAlert(alert) {
  const responses = alert.responses.map((r) => `${r.action} ${r.target}: ${r.outcome}${r.detail ? ` (${r.detail})` : ''}`).join('; ');
  return `alert ${alert.rule} [${alert.severity}]: ${alert.summary}${responses ? `; responses: ${responses}` : ''}`;
}
