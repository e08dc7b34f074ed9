/** An error response from the API, already reduced to what the user may see. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The edge shield's reference for a blocked request (EDGE-XXXXXXXX), to quote to support. */
    readonly reference?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Codes of the gateway's edge shield (WAF and blocklist): the request never reached a service. */
export const EDGE_SHIELD_CODES: ReadonlySet<string> = new Set(['REQUEST_BLOCKED', 'SOURCE_BLOCKED']);
const EDGE_REFERENCE = /^EDGE-[A-Z0-9]{8}$/;

/** The request never got an answer (offline, connection reset, aborted): the server may or may not have acted. */
export class NetworkError extends Error {
  constructor(message = 'Could not reach the store. Check your connection and try again.') {
    super(message);
    this.name = 'NetworkError';
  }
}

const MAX_MESSAGE_LENGTH = 300;

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'The request was not accepted. Check the form and try again.',
  401: 'Please sign in to continue.',
  403: 'This request was blocked.',
  404: 'Not found.',
  409: 'That conflicts with the current state. Refresh and try again.',
  413: 'The request was too large.',
  422: 'The request could not be processed.',
  429: 'Too many requests. Wait a moment and try again.',
};

/**
 * Turns an error response into an ApiError. The contract is `{ error: { code, message } }`,
 * but a proxy, the WAF or a framework default may answer with something else (HTML, Nest's
 * `{ statusCode, message }`), so everything is checked and every path yields a readable message.
 */
export function parseApiError(status: number, body: unknown): ApiError {
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (envelope) {
    const code = typeof envelope.code === 'string' && envelope.code ? envelope.code : `HTTP_${status}`;
    const message = typeof envelope.message === 'string' && envelope.message.trim() ? envelope.message : fallbackMessage(status);
    const reference = typeof envelope.reference === 'string' && EDGE_REFERENCE.test(envelope.reference) ? envelope.reference : undefined;
    return new ApiError(status, code, clip(message), reference);
  }
  if (isRecord(body) && (typeof body.message === 'string' || Array.isArray(body.message))) {
    const message = Array.isArray(body.message) ? body.message.filter((m) => typeof m === 'string').join('; ') : body.message;
    return new ApiError(status, `HTTP_${status}`, clip(message || fallbackMessage(status)));
  }
  // Plain text or HTML bodies are not shown: they are not written for customers.
  return new ApiError(status, `HTTP_${status}`, fallbackMessage(status));
}

function fallbackMessage(status: number): string {
  if (status >= 500) return 'The store is having trouble right now. Please try again in a moment.';
  return FALLBACK_MESSAGES[status] ?? 'Something went wrong. Please try again.';
}

function clip(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : message;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
