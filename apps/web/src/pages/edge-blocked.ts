import type { ApiError } from '../api/errors';
import { pageHeading } from '../components';
import { h, mount } from '../dom';

/**
 * What a person sees when the gateway's edge shield refused their request
 * (the seed's example: SQL injection typed into the search box). It says
 * which layer stopped it and gives the reference that is in the security
 * event and the gateway's log line, so support can find the request.
 */
export function renderEdgeBlocked(view: HTMLElement, error: ApiError): void {
  mount(
    view,
    h(
      'section',
      { class: 'edge-blocked', 'data-testid': 'edge-blocked', role: 'alert' },
      pageHeading('Blocked by the edge shield'),
      h(
        'p',
        null,
        error.code === 'SOURCE_BLOCKED'
          ? 'Requests from your network are blocked for now. If you think this is a mistake, contact support.'
          : 'Your request looked like an attack, so the store’s edge shield (layer 1) stopped it before it reached any of our services. Nothing was changed.',
      ),
      error.reference ? h('p', null, 'Reference: ', h('code', { 'data-testid': 'edge-reference' }, error.reference)) : null,
      h('p', null, h('a', { href: '#/', class: 'button button-secondary' }, 'Back to the shop')),
    ),
  );
}
