import { Body, Controller, Header, Headers, HttpCode, Post, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { currentCorrelationId } from '@storefront/platform/logging';
import { AllowedClients } from '@storefront/platform/mtls';
import { AWS_JSON_CONTENT_TYPE, AWS_REQUEST_ID_HEADER, AwsJsonErrorFilter } from './aws-json.filter';
import { KMS_CLIENTS } from './kms-operation-allow-list';
import { KmsOperationGuard } from './kms-operation.guard';
import { KmsOperationsService } from './kms-operations.service';

/**
 * The AWS KMS JSON 1.1 endpoint: POST / with `X-Amz-Target: TrentService.<Operation>`.
 *
 * This route deliberately leaves the platform's `{ error: { code, message } }`
 * shape: its client is @aws-sdk/client-kms, which understands only AWS's
 * `{ "__type", "message" }` errors (HTTP 400 for client errors), so the
 * controller-scoped AwsJsonErrorFilter replaces the global one here.
 *
 * The SDK signs requests with SigV4; the signature is ignored. The caller is
 * authenticated by its mTLS client certificate instead, and each identity may
 * call only the operations KMS_OPERATION_ALLOW_LIST gives it (anything else is
 * 403 AccessDeniedException).
 */
@Controller()
@AllowedClients(...KMS_CLIENTS)
@UseGuards(KmsOperationGuard)
@UseFilters(AwsJsonErrorFilter)
export class AwsJsonController {
  constructor(private readonly operations: KmsOperationsService) {}

  // `body: unknown` on purpose: the global ValidationPipe skips it, and each operation validates its own input into AWS errors.
  @Post()
  @HttpCode(200)
  @Header('content-type', AWS_JSON_CONTENT_TYPE)
  handle(@Headers('x-amz-target') target: string | undefined, @Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<object> {
    const requestId = currentCorrelationId();
    if (requestId) response.setHeader(AWS_REQUEST_ID_HEADER, requestId);
    return this.operations.dispatch(target, body);
  }
}
