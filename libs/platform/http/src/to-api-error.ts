import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError } from './domain-error';

export interface ApiErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown>; correlationId?: string };
}

export interface ApiError {
  status: number;
  body: ApiErrorBody;
  /** True when the error is ours (a bug or a dependency), worth a stack trace in the log. */
  unexpected: boolean;
}

const CODE_BY_STATUS: Record<number, string> = {
  [HttpStatus.BAD_REQUEST]: 'BAD_REQUEST',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'METHOD_NOT_ALLOWED',
  [HttpStatus.CONFLICT]: 'CONFLICT',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'PAYLOAD_TOO_LARGE',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'UNSUPPORTED_MEDIA_TYPE',
  [HttpStatus.TOO_MANY_REQUESTS]: 'RATE_LIMITED',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'SERVICE_UNAVAILABLE',
};

/** Errors raised by body-parser before any controller runs (malformed JSON, size, charset). */
interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && 'type' in error && 'status' in error && typeof (error as BodyParserError).type === 'string';
}

function describeBodyParserError(error: BodyParserError): { status: number; code: string; message: string } {
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' };
    case 'entity.too.large':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than this endpoint accepts.' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The body must be UTF-8 JSON.' };
    default:
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body could not be read.' };
  }
}

/**
 * Maps anything thrown to the public error shape. Only DomainError and
 * HttpException messages are shown; anything else becomes a generic 500
 * whose details stay in the log.
 */
export function toApiError(error: unknown, correlationId?: string): ApiError {
  const make = (status: number, code: string, message: string, details?: Record<string, unknown>, unexpected = false): ApiError => ({
    status,
    unexpected,
    body: { error: { code, message, ...(details ? { details } : {}), ...(unexpected && correlationId ? { correlationId } : {}) } },
  });

  if (error instanceof DomainError) return make(error.status, error.code, error.message, error.details, error.status >= 500);
  if (isBodyParserError(error) && error.status < 500) {
    const { status, code, message } = describeBodyParserError(error);
    return make(status, code, message);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response && typeof response.message === 'string'
        ? response.message
        : error.message;
    const code = status === HttpStatus.NOT_FOUND ? 'NOT_FOUND' : (CODE_BY_STATUS[status] ?? `HTTP_${status}`);
    const publicMessage = status === HttpStatus.NOT_FOUND && /^Cannot /.test(message) ? 'No such resource.' : message;
    return make(status, code, publicMessage, undefined, status >= 500);
  }
  return make(500, 'INTERNAL', 'Something went wrong on our side. Quote the correlation id if you contact support.', undefined, true);
}
