import { ApiError, NetworkError, parseApiError } from './errors';
import { endSession, getAccessToken, refreshSession } from './session';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * On 401, refresh the session once and retry once. Off for the auth endpoints themselves,
   * where a 401 means wrong credentials, not an expired token.
   */
  refreshOnUnauthorized?: boolean;
}

/** Calls the store API and returns the parsed JSON body (undefined for an empty body). Throws ApiError or NetworkError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const hadToken = getAccessToken() !== null;
  let response = await send(path, options);
  if (response.status === 401 && options.refreshOnUnauthorized !== false) {
    // A 401 is rejected at the gateway before any work is done, so one retry cannot double an action.
    if (await refreshSession()) response = await send(path, options);
    else if (hadToken) endSession();
  }
  const body = await readBody(response);
  if (!response.ok) throw parseApiError(response.status, body);
  return body as T;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const token = getAccessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      // The refresh cookie must travel with auth calls; never send credentials cross-origin.
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError();
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw response.ok ? new NetworkError() : parseApiError(response.status, null);
  }
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (response.ok) throw new ApiError(response.status, 'BAD_RESPONSE', 'The store sent an unexpected response.');
    return text;
  }
}

/** Encodes a path segment; ids come from the URL and from responses. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
