import { ApiError, EDGE_SHIELD_CODES, NetworkError } from './api/errors';
import { isAbort } from './api/http';
import { isSignedIn } from './api/session';
import { clearAlerts, showError, showNotice } from './alerts';
import { h, mount } from './dom';
import type { NavigateOptions, PageContext } from './page';
import { renderAccount } from './pages/account';
import { renderAdminAccess } from './pages/admin-access';
import { renderAdminKeys } from './pages/admin-keys';
import { renderAttackLab } from './pages/attack-lab';
import { renderCart } from './pages/cart';
import { renderCatalogManager } from './pages/catalog-manager';
import { renderCatalog } from './pages/catalog';
import { renderCheckout } from './pages/checkout';
import { renderEdgeBlocked } from './pages/edge-blocked';
import { renderMonitoring } from './pages/monitoring';
import { renderNotFound } from './pages/not-found';
import { renderOrder } from './pages/order';
import { renderOrders } from './pages/orders';
import { renderProduct } from './pages/product';
import { renderRegister } from './pages/register';
import { renderSecurity } from './pages/security';
import { renderSignIn } from './pages/sign-in';
import { renderSupport } from './pages/support';
import { formatRoute, parseRoute, requiresSignIn, type Route } from './router';

const SITE_NAME = 'Storefront';

/** The hash router: one render per navigation, with stale pages cut off by an AbortController. */
export class App {
  private visit = 0;
  private controller: AbortController | null = null;
  private pendingNotice: string | null = null;
  private firstRender = true;

  constructor(private readonly outlet: HTMLElement) {}

  start(): void {
    window.addEventListener('hashchange', () => void this.render());
    void this.render();
  }

  navigate(route: Route, options: NavigateOptions = {}): void {
    this.pendingNotice = options.notice ?? null;
    const hash = `#${formatRoute(route)}`;
    if (options.replace) {
      history.replaceState(null, '', hash);
      void this.render();
    } else if (location.hash === hash) {
      void this.render(); // same URL: hashchange will not fire, so render again explicitly
    } else {
      location.hash = hash;
    }
  }

  private async render(): Promise<void> {
    const visit = ++this.visit;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;

    const route = parseRoute(location.hash);
    if (requiresSignIn(route) && !isSignedIn()) {
      this.navigate({ name: 'sign-in', next: formatRoute(route) }, { replace: true, notice: 'Please sign in to continue.' });
      return;
    }

    clearAlerts();
    if (this.pendingNotice) showNotice(this.pendingNotice);
    this.pendingNotice = null;

    const view = h('div', { class: `page page-${route.name}`, 'data-page': route.name });
    mount(this.outlet, view);
    if (!this.firstRender) window.scrollTo(0, 0);

    const ctx = this.context(visit, view, controller.signal, route);
    try {
      await dispatch(ctx, route);
    } catch (error) {
      ctx.fail(error);
    }
    // Move focus to the new page's heading for keyboard and screen reader users (not on first load).
    // Pages that focus a field themselves (sign-in, register) keep it.
    if (!this.firstRender && ctx.isCurrent() && !view.contains(document.activeElement)) {
      view.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    }
    this.firstRender = false;
  }

  private context(visit: number, view: HTMLElement, signal: AbortSignal, route: Route): PageContext {
    const isCurrent = (): boolean => visit === this.visit;
    const ctx: PageContext = {
      view,
      signal,
      isCurrent,
      navigate: (target, options) => {
        if (isCurrent()) this.navigate(target, options);
      },
      error: (message) => isCurrent() && showError(message),
      notice: (message) => isCurrent() && showNotice(message),
      clearAlerts: () => isCurrent() && clearAlerts(),
      setTitle: (title) => {
        if (isCurrent()) document.title = `${title} · ${SITE_NAME}`;
      },
      fail: (error) => {
        if (!isCurrent() || isAbort(error)) return;
        if (error instanceof ApiError && error.status === 401) {
          ctx.navigate({ name: 'sign-in', next: formatRoute(route) }, { notice: 'Your session has ended. Please sign in again.' });
        } else if (error instanceof ApiError && EDGE_SHIELD_CODES.has(error.code)) {
          renderEdgeBlocked(view, error);
        } else if (error instanceof ApiError || error instanceof NetworkError) {
          showError(error.message);
        } else {
          console.error(error); // a bug, not an API answer: keep the details for developers
          showError('Something went wrong. Please reload the page.');
        }
      },
    };
    return ctx;
  }
}

function dispatch(ctx: PageContext, route: Route): Promise<void> | void {
  switch (route.name) {
    case 'catalog':
      return renderCatalog(ctx, route);
    case 'product':
      return renderProduct(ctx, route);
    case 'sign-in':
      return renderSignIn(ctx, route);
    case 'register':
      return renderRegister(ctx, route);
    case 'account':
      return renderAccount(ctx);
    case 'security':
      return renderSecurity(ctx);
    case 'cart':
      return renderCart(ctx);
    case 'checkout':
      return renderCheckout(ctx);
    case 'orders':
      return renderOrders(ctx);
    case 'order':
      return renderOrder(ctx, route);
    case 'monitoring':
      return renderMonitoring(ctx);
    case 'support':
      return renderSupport(ctx);
    case 'catalog-manager':
      return renderCatalogManager(ctx);
    case 'admin-access':
      return renderAdminAccess(ctx);
    case 'admin-keys':
      return renderAdminKeys(ctx);
    case 'attack-lab':
      return renderAttackLab(ctx);
    case 'not-found':
      return renderNotFound(ctx);
  }
}
