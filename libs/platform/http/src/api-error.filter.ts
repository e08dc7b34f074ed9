import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { currentCorrelationId } from '@storefront/platform/logging';
import { toApiError } from './to-api-error';

/** The one global filter: every error leaves as `{ error: { code, message } }`. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const apiError = toApiError(exception, currentCorrelationId());
    if (apiError.unexpected) this.logger.error({ err: exception, code: apiError.body.error.code }, 'request failed');
    if (response.headersSent) return;
    response.status(apiError.status).json(apiError.body);
  }
}
