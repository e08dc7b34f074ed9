/** Every screen of the store. Routes live in the URL hash so any static file server can host the app. */
export type Route =
  | { name: 'catalog'; q: string; page: number }
  | { name: 'product'; id: string }
  | { name: 'sign-in'; next: string | null }
  | { name: 'register'; next: string | null }
  | { name: 'account' }
  | { name: 'security' }
  | { name: 'cart' }
  | { name: 'checkout' }
  | { name: 'orders' }
  | { name: 'order'; id: string }
  | { name: 'monitoring' }
  | { name: 'support' }
  | { name: 'catalog-manager' }
  | { name: 'admin-access' }
  | { name: 'admin-keys' }
  | { name: 'attack-lab' }
  | { name: 'not-found'; path: string };

export type RouteName = Route['name'];

// Ids end up in API paths; a strict shape keeps "..", "%2e%2e" and friends out of them.
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_QUERY_LENGTH = 100;
const MAX_PAGE = 10_000;

const SIGNED_IN_ONLY: ReadonlySet<RouteName> = new Set(['account', 'security', 'cart', 'checkout', 'orders', 'order', 'monitoring', 'support', 'catalog-manager', 'admin-access', 'admin-keys']);

export function requiresSignIn(route: Route): boolean {
  return SIGNED_IN_ONLY.has(route.name);
}

/** Parses `location.hash` (with or without the leading "#"). Unknown shapes become not-found, never an exception. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const path = raw.startsWith('/') ? raw : `/${raw}`;
  const queryAt = path.indexOf('?');
  const pathname = queryAt === -1 ? path : path.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : path.slice(queryAt + 1));
  const notFound: Route = { name: 'not-found', path };

  let segments: string[];
  try {
    segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return notFound; // malformed percent-encoding
  }

  const [first, second, ...rest] = segments;
  if (rest.length > 0) return notFound;
  switch (first) {
    case undefined:
      return { name: 'catalog', q: (query.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH), page: parsePage(query.get('page')) };
    case 'products':
      return second !== undefined && ID.test(second) ? { name: 'product', id: second } : notFound;
    case 'orders':
      if (second === undefined) return { name: 'orders' };
      return ID.test(second) ? { name: 'order', id: second } : notFound;
    case 'sign-in':
    case 'register':
      return second === undefined ? { name: first, next: safeNext(query.get('next')) } : notFound;
    case 'account':
    case 'security':
    case 'cart':
    case 'checkout':
    case 'monitoring':
    case 'support':
    case 'catalog-manager':
    case 'attack-lab':
      return second === undefined ? { name: first } : notFound;
    case 'admin':
      if (second === 'keys') return { name: 'admin-keys' };
      return second === 'access' ? { name: 'admin-access' } : notFound;
    default:
      return notFound;
  }
}

/** The hash path for a route, e.g. "/products/abc" or "/?q=mug&page=2". Inverse of parseRoute. */
export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'catalog': {
      const query = new URLSearchParams();
      if (route.q) query.set('q', route.q);
      if (route.page > 1) query.set('page', String(route.page));
      const search = query.toString();
      return search ? `/?${search}` : '/';
    }
    case 'product':
      return `/products/${encodeURIComponent(route.id)}`;
    case 'order':
      return `/orders/${encodeURIComponent(route.id)}`;
    case 'sign-in':
    case 'register':
      return route.next ? `/${route.name}?${new URLSearchParams({ next: route.next }).toString()}` : `/${route.name}`;
    case 'not-found':
      return route.path;
    case 'admin-access':
      return '/admin/access';
    case 'admin-keys':
      return '/admin/keys';
    default:
      return `/${route.name}`;
  }
}

export function href(route: Route): string {
  return `#${formatRoute(route)}`;
}

/**
 * Where to go after signing in. Only a known in-app route is accepted, and never the
 * sign-in or register pages themselves, so a crafted link cannot redirect elsewhere or loop.
 */
export function safeNext(raw: string | null | undefined): string | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//')) return null;
  const route = parseRoute(raw);
  if (route.name === 'not-found' || route.name === 'sign-in' || route.name === 'register') return null;
  return formatRoute(route);
}

function parsePage(raw: string | null): number {
  if (raw === null || !/^\d{1,5}$/.test(raw)) return 1;
  const page = Number(raw);
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}
