/** One signed-in device as GET /auth/sessions lists it. `id` is the session id (the `sid` of its access tokens). */
export interface SessionDto {
  id: string;
  /** A short label from the browser's User-Agent, e.g. "Firefox on Linux". */
  device: string;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  /** The session this request was made from. */
  current: boolean;
}
