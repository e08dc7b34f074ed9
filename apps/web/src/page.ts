import { ApiError, NetworkError } from './api/errors';
import type { Route } from './router';

/** What a page gets from the router for one visit. */
export interface PageContext {
  /** The element the page renders into; it is detached as soon as the visitor navigates away. */
  readonly view: HTMLElement;
  /** Aborted when the visitor navigates away; pass it to GET requests. */
  readonly signal: AbortSignal;
  /** False once the visitor has moved on, so late responses do not touch the new page. */
  isCurrent(): boolean;
  navigate(route: Route, options?: NavigateOptions): void;
  error(message: string): void;
  notice(message: string): void;
  clearAlerts(): void;
  /** Shows any failure the right way: sign-in for 401, the API's message otherwise. */
  fail(error: unknown): void;
  setTitle(title: string): void;
}

export interface NavigateOptions {
  replace?: boolean;
  /** A message to show on the next page (alerts are cleared on every navigation). */
  notice?: string;
}

export type Page<R extends Route = Route> = (ctx: PageContext, route: R) => Promise<void> | void;

/**
 * For forms whose 401 means "wrong credentials or code", not "session expired": show the
 * server's message in place instead of sending the visitor to sign in.
 */
export function reportFormError(ctx: PageContext, error: unknown): void {
  if (error instanceof ApiError || error instanceof NetworkError) ctx.error(error.message);
  else ctx.fail(error);
}
