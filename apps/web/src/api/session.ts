/**
 * The signed-in session. The access token lives only in this module variable: never in
 * localStorage or a readable cookie, where an injected script could take it. The long-lived
 * refresh token is an httpOnly cookie that only the server can read.
 */
let accessToken: string | null = null;
const listeners = new Set<() => void>();
let refreshInFlight: Promise<boolean> | null = null;

/**
 * The gateway refuses cookie-authenticated state changes (refresh, logout) without this header:
 * a cross-site form cannot set a custom header, so its presence proves the call came from our script.
 */
export const CSRF_HEADER = { 'X-Requested-With': 'storefront' } as const;

export function getAccessToken(): string | null {
  return accessToken;
}

export function isSignedIn(): boolean {
  return accessToken !== null;
}

export function startSession(token: string): void {
  accessToken = token;
  notify();
}

export function endSession(): void {
  if (accessToken === null) return;
  accessToken = null;
  notify();
}

/** Runs `listener` whenever the user signs in or out. Returns an unsubscribe function. */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Trades the refresh cookie for a new access token. Concurrent callers share one request:
 * refresh tokens rotate, so two parallel refreshes would race and the loser would look like
 * token reuse to the server.
 */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= doRefresh().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

async function doRefresh(): Promise<boolean> {
  try {
    const response = await fetch('/api/auth/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...CSRF_HEADER },
    });
    if (response.status === 401 || response.status === 403) {
      endSession(); // no valid refresh cookie: definitely signed out
      return false;
    }
    const body: unknown = response.ok ? await response.json() : null;
    const token = isRecord(body) && typeof body.accessToken === 'string' ? body.accessToken : null;
    if (token) startSession(token);
    return token !== null;
  } catch {
    // Offline or a bad body: keep whatever we had; the next call will tell.
    return false;
  }
}

function notify(): void {
  for (const listener of listeners) listener();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
