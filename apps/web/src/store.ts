import { getMe, type Profile } from './api/account';
import { getCart, itemCount } from './api/cart';
import { isSignedIn, onSessionChange } from './api/session';

/** What the header shows about the visitor. Kept in memory only, like the token. */
interface ShopState {
  profile: Profile | null;
  cartCount: number | null;
}

const state: ShopState = { profile: null, cartCount: null };
const listeners = new Set<() => void>();

export function shopState(): Readonly<ShopState> {
  return state;
}

export function onShopStateChange(listener: () => void): void {
  listeners.add(listener);
}

export function setProfile(profile: Profile | null): void {
  state.profile = profile;
  notify();
}

export function setCartCount(count: number | null): void {
  state.cartCount = count;
  notify();
}

/** Loads the profile and cart size for the header; failures only leave the header plainer. */
export async function loadVisitor(): Promise<void> {
  if (!isSignedIn()) return;
  const [profile, cart] = await Promise.allSettled([getMe(), getCart()]);
  state.profile = profile.status === 'fulfilled' ? profile.value : null;
  state.cartCount = cart.status === 'fulfilled' ? itemCount(cart.value) : null;
  notify();
}

onSessionChange(() => {
  if (isSignedIn()) return;
  state.profile = null;
  state.cartCount = null;
  notify();
});

function notify(): void {
  for (const listener of listeners) listener();
}
