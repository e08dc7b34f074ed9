import { listServiceCertificates, type ServiceCertificate } from '../api/certificates';
import { h, mount } from '../dom';
import { formatDate } from '../format';
import type { PageContext } from '../page';

/** Layer 2 on the security desk: each service's mTLS identity and when its certificate expires, as the gateway sees it. */
export function certificatesPanel(ctx: PageContext): { element: HTMLElement; refresh: () => Promise<void> } {
  const body = h('div', { 'data-testid': 'service-certificates' });
  const refresh = async (): Promise<void> => {
    const services = await listServiceCertificates(ctx.signal);
    if (!ctx.isCurrent()) return;
    mount(
      body,
      h(
        'table',
        { class: 'alert-table' },
        h('thead', null, h('tr', null, ['Service', 'Identity', 'Expires', 'SHA-256'].map((label) => h('th', { scope: 'col' }, label)))),
        h('tbody', null, services.map(certificateRow)),
      ),
    );
  };
  const element = h('section', { class: 'card', 'aria-label': 'Service certificates' }, h('h2', null, 'Service certificates (mutual TLS)'), body);
  return { element, refresh };
}

function certificateRow(entry: ServiceCertificate): HTMLElement {
  const cert = entry.certificate;
  return h(
    'tr',
    { 'data-testid': 'certificate-row', 'data-service': entry.service },
    h('td', null, entry.service),
    h('td', null, cert ? h('code', null, cert.identity) : h('span', { class: 'muted' }, entry.note ?? '')),
    h('td', null, cert ? formatDate(cert.validTo) : ''),
    h('td', null, cert ? h('code', { title: cert.fingerprint256 }, `${cert.fingerprint256.slice(0, 23)}…`) : ''),
  );
}
