import { logout } from './api/auth';
import { endSession, isSignedIn, onSessionChange } from './api/session';
import { alertAreas } from './alerts';
import { link } from './components';
import { h, mount } from './dom';
import { staffPagesFor } from './pages/staff-access';
import { shopState, onShopStateChange } from './store';

export interface Layout {
  root: HTMLElement;
  outlet: HTMLElement;
}

/** Builds the frame around every page: header with navigation, alert areas, main outlet, footer. */
export function createLayout(onSignedOut: () => void): Layout {
  const nav = h('nav', { class: 'site-nav', 'aria-label': 'Main' });
  const outlet = h('main', { id: 'main', class: 'container page-outlet', tabindex: -1 });
  const skip = h('button', { type: 'button', class: 'skip-link', onclick: () => outlet.focus() }, 'Skip to content');

  const renderNav = (): void => mount(nav, ...navItems(onSignedOut));
  onSessionChange(renderNav);
  onShopStateChange(renderNav);
  renderNav();

  const root = h(
    'div',
    { class: 'shell' },
    skip,
    h(
      'header',
      { class: 'site-header' },
      h('div', { class: 'container header-inner' }, link({ name: 'catalog', q: '', page: 1 }, { class: 'brand', 'data-testid': 'nav-home' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'Storefront'), nav),
    ),
    h('div', { class: 'container' }, alertAreas()),
    outlet,
    h(
      'footer',
      { class: 'site-footer' },
      h(
        'div',
        { class: 'container' },
        'A reference store for security demos. No real payments: checkout takes test cards only. ',
        link({ name: 'attack-lab' }, { 'data-testid': 'footer-attack-lab' }, 'Attack lab'),
      ),
    ),
  );
  return { root, outlet };
}

function navItems(onSignedOut: () => void): Array<HTMLElement | null> {
  const { profile, cartCount } = shopState();
  const cart = link(
    { name: 'cart' },
    { class: 'nav-link nav-cart', 'data-testid': 'nav-cart' },
    'Cart',
    cartCount ? h('span', { class: 'badge', 'data-testid': 'cart-count', 'aria-label': `${cartCount} items` }, String(cartCount)) : null,
  );
  const catalog = link({ name: 'catalog', q: '', page: 1 }, { class: 'nav-link', 'data-testid': 'nav-catalog' }, 'Shop');

  if (!isSignedIn()) {
    return [
      catalog,
      link({ name: 'sign-in', next: null }, { class: 'nav-link', 'data-testid': 'nav-sign-in' }, 'Sign in'),
      link({ name: 'register', next: null }, { class: 'nav-link', 'data-testid': 'nav-register' }, 'Register'),
      cart,
    ];
  }
  const signOut = h('button', { type: 'button', class: 'nav-link nav-button', 'data-testid': 'nav-sign-out' }, 'Sign out');
  signOut.addEventListener('click', () => {
    signOut.disabled = true;
    // End the local session whatever the server says: the user asked to leave.
    logout()
      .catch(() => undefined)
      .finally(() => {
        endSession();
        onSignedOut();
      });
  });
  return [
    catalog,
    link({ name: 'orders' }, { class: 'nav-link', 'data-testid': 'nav-orders' }, 'Orders'),
    // Staff pages by permission (support, catalog, security desk); each service checks the token again on every call.
    ...staffPagesFor().map((page) => link(page.route, { class: 'nav-link', 'data-testid': page.testId }, page.label)),
    link({ name: 'account' }, { class: 'nav-link', 'data-testid': 'nav-account' }, profile ? profile.name : 'Account'),
    cart,
    signOut,
  ];
}
