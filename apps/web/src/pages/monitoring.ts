import { type AlertEvent, getAlert, listAlerts, type SecurityAlert, setAlertStatus, verifyAudit } from '../api/monitoring';
import { loading, pageHeading } from '../components';
import { h, mount } from '../dom';
import { formatDate } from '../format';
import type { PageContext } from '../page';
import { certificatesPanel } from './certificates-panel';
import { edgeBlocksPanel } from './edge-blocks-panel';

/** New alerts show up within this long; a poll is one small GET, cheap next to SSE through the gateway. */
export const ALERT_POLL_MS = 5_000;

/** The security desk for security and admin staff: live alerts, the events behind each, and the audit check. */
export async function renderMonitoring(ctx: PageContext): Promise<void> {
  ctx.setTitle('Security desk');
  const list = h('div', { 'data-testid': 'alert-list' }, loading('Loading alerts…'));
  const detail = h('section', { class: 'card alert-detail', 'data-testid': 'alert-detail', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Choose an alert to see the events behind it.'));
  const auditResult = h('p', { 'data-testid': 'audit-result', 'aria-live': 'polite' });
  const verifyButton = h('button', { type: 'button', class: 'button', 'data-testid': 'audit-verify' }, 'Verify audit log');
  const updated = h('p', { class: 'muted', 'data-testid': 'alerts-updated' });
  let selected: string | null = null;

  const showDetail = async (id: string): Promise<void> => {
    selected = id;
    mount(detail, loading('Loading events…'));
    const alert = await getAlert(id, ctx.signal);
    if (!ctx.isCurrent() || selected !== id) return;
    mount(detail, ...alertDetail(alert, alert.events, (status) => void changeStatus(alert.id, status)));
  };

  const changeStatus = async (id: string, status: 'acknowledged' | 'closed'): Promise<void> => {
    try {
      await setAlertStatus(id, status);
      ctx.notice(`Alert ${status}.`);
      await refresh();
      await showDetail(id);
    } catch (error) {
      ctx.fail(error);
    }
  };

  const refresh = async (): Promise<void> => {
    const alerts = await listAlerts(ctx.signal);
    if (!ctx.isCurrent()) return;
    mount(list, alerts.length === 0 ? h('p', { class: 'empty', 'data-testid': 'alerts-empty' }, 'No alerts.') : alertTable(alerts, (id) => void showDetail(id).catch(ctx.fail)));
    mount(updated, `Updated ${new Date().toLocaleTimeString()} · refreshes every ${ALERT_POLL_MS / 1000} s`);
  };

  verifyButton.addEventListener('click', () => {
    verifyButton.disabled = true;
    mount(auditResult, 'Checking every entry of the audit log…');
    verifyAudit()
      .then((result) => {
        if (!ctx.isCurrent()) return;
        if (result.valid) {
          auditResult.className = 'audit-ok';
          mount(auditResult, `Audit log intact: ${result.checked} entries checked.`);
        } else {
          auditResult.className = 'audit-broken';
          const entry = result.entry;
          mount(
            auditResult,
            h('strong', null, `Audit log altered: the first entry that does not match is #${result.firstBadSeq}.`),
            entry ? h('span', { 'data-testid': 'audit-bad-entry' }, ` ${formatDate(entry.at)} · ${entry.actor} · ${entry.action} · ${entry.subject} · ${JSON.stringify(entry.details)}`) : null,
          );
        }
      })
      .catch(ctx.fail)
      .finally(() => {
        verifyButton.disabled = false;
      });
  });

  const blocks = edgeBlocksPanel(ctx);
  const certificates = certificatesPanel(ctx);
  mount(
    ctx.view,
    pageHeading('Security desk'),
    h('div', { class: 'desk-tools' }, verifyButton, auditResult),
    updated,
    h('div', { class: 'desk-grid' }, h('section', { 'aria-label': 'Alerts' }, list), detail),
    blocks.element,
    certificates.element,
  );

  await Promise.all([refresh(), blocks.refresh(), certificates.refresh()]);
  // Poll while this page is on screen; navigating away aborts the signal and ends the loop.
  const timer = window.setInterval(() => {
    if (!ctx.isCurrent() || ctx.signal.aborted) {
      window.clearInterval(timer);
      return;
    }
    refresh().catch((error: unknown) => {
      window.clearInterval(timer);
      ctx.fail(error);
    });
  }, ALERT_POLL_MS);
  ctx.signal.addEventListener('abort', () => window.clearInterval(timer), { once: true });
}

function alertTable(alerts: SecurityAlert[], onSelect: (id: string) => void): HTMLElement {
  return h(
    'table',
    { class: 'alert-table' },
    h('thead', null, h('tr', null, ['Raised', 'Severity', 'Rule', 'Summary', 'Status', 'Response'].map((label) => h('th', { scope: 'col' }, label)))),
    h(
      'tbody',
      null,
      alerts.map((alert) =>
        h(
          'tr',
          { 'data-testid': 'alert-row', 'data-alert-id': alert.id, 'data-severity': alert.severity },
          h('td', null, formatDate(alert.createdAt)),
          h('td', null, h('span', { class: `severity severity-${alert.severity}` }, alert.severity)),
          h('td', null, alert.rule),
          h('td', null, h('button', { type: 'button', class: 'link-button', 'data-testid': 'alert-open', onclick: () => onSelect(alert.id) }, alert.summary)),
          h('td', null, alert.status),
          h('td', null, alert.responses.map((r) => `${r.action}: ${r.outcome}`).join(', ') || '—'),
        ),
      ),
    ),
  );
}

function alertDetail(alert: SecurityAlert, events: AlertEvent[], onStatus: (status: 'acknowledged' | 'closed') => void): HTMLElement[] {
  return [
    h('h2', null, `${alert.severity.toUpperCase()} · ${alert.rule}`),
    h('p', null, alert.summary),
    h('p', { class: 'muted' }, `Subjects: ${alert.subjects.join(', ')}`),
    h('ul', null, alert.responses.map((r) => h('li', null, `${r.action} ${r.target}: ${r.outcome}${r.detail ? ` (${r.detail})` : ''}`))),
    h(
      'div',
      { class: 'desk-tools' },
      h('button', { type: 'button', class: 'button', 'data-testid': 'alert-ack', disabled: alert.status !== 'open', onclick: () => onStatus('acknowledged') }, 'Acknowledge'),
      h('button', { type: 'button', class: 'button', 'data-testid': 'alert-close', disabled: alert.status === 'closed', onclick: () => onStatus('closed') }, 'Close'),
    ),
    h('h3', null, `Events behind it (${events.length})`),
    h(
      'table',
      { class: 'alert-table', 'data-testid': 'alert-events' },
      h('thead', null, h('tr', null, ['When', 'Type', 'Service', 'Outcome', 'Who', 'Source', 'Details'].map((label) => h('th', { scope: 'col' }, label)))),
      h(
        'tbody',
        null,
        events.map((e) =>
          h(
            'tr',
            { 'data-testid': 'alert-event' },
            h('td', null, formatDate(e.occurredAt)),
            h('td', null, e.type),
            h('td', null, e.service),
            h('td', null, e.outcome),
            h('td', null, e.actorEmail ?? e.actorUserId ?? '—'),
            h('td', null, e.sourceIp ?? '—'),
            h('td', null, JSON.stringify(e.details)),
          ),
        ),
      ),
    ),
  ];
}
