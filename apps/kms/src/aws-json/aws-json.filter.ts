import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '@storefront/platform/http';
import { currentCorrelationId } from '@storefront/platform/logging';
import { isKmsErrorCode, KMS_ERROR_STATUS, KmsErrorCode } from '../common/kms.errors';

export const AWS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';
export const AWS_REQUEST_ID_HEADER = 'x-amzn-RequestId';

interface AwsError {
  status: number;
  type: KmsErrorCode;
  message: string;
  unexpected: boolean;
}

function toAwsError(exception: unknown): AwsError {
  const make = (type: KmsErrorCode, message: string, unexpected = false): AwsError => ({ status: KMS_ERROR_STATUS[type], type, message, unexpected });
  if (exception instanceof DomainError) {
    if (isKmsErrorCode(exception.code)) return make(exception.code, exception.message, exception.status >= 500);
    // The platform's client-identity guard (a certificate not on the allow-list) speaks in platform codes.
    if (exception.status === HttpStatus.FORBIDDEN) return make(KmsErrorCode.AccessDenied, exception.message);
    if (exception.status < 500) return make(KmsErrorCode.Validation, exception.message);
  }
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    return make(exception.getStatus() === HttpStatus.FORBIDDEN ? KmsErrorCode.AccessDenied : KmsErrorCode.Validation, exception.message);
  }
  return make(KmsErrorCode.Internal, 'The request could not be completed because of an internal error.', true);
}

/**
 * Writes errors the way AWS's JSON 1.1 protocol does: `{"__type", "message"}`
 * plus the X-Amzn-ErrorType header, so @aws-sdk/client-kms raises its typed
 * exceptions (NotFoundException, InvalidCiphertextException, ...). Internal
 * details never reach the caller; they go to the log.
 */
@Catch()
export class AwsJsonErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(AwsJsonErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const error = toAwsError(exception);
    if (error.unexpected) this.logger.error({ err: exception, type: error.type }, 'kms request failed');
    if (response.headersSent) return;
    const requestId = currentCorrelationId();
    if (requestId) response.setHeader(AWS_REQUEST_ID_HEADER, requestId);
    response
      .status(error.status)
      .setHeader('x-amzn-ErrorType', error.type)
      .type(AWS_JSON_CONTENT_TYPE)
      .send(JSON.stringify({ __type: error.type, message: error.message }));
  }
}
