import { h } from './dom';

/**
 * The page-wide message areas. The error area has role="alert" so screen readers announce
 * API errors (a declined card, an out-of-stock item) as soon as they appear.
 */
const errorArea = h('div', { class: 'alert alert-error', role: 'alert', 'data-testid': 'alert-error' });
const noticeArea = h('div', { class: 'alert alert-notice', role: 'status', 'data-testid': 'alert-notice' });

export function alertAreas(): HTMLElement {
  return h('div', { class: 'alerts' }, errorArea, noticeArea);
}

export function showError(message: string): void {
  noticeArea.textContent = '';
  errorArea.textContent = message;
}

export function showNotice(message: string): void {
  errorArea.textContent = '';
  noticeArea.textContent = message;
}

export function clearAlerts(): void {
  errorArea.textContent = '';
  noticeArea.textContent = '';
}
