import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { clientIpFrom } from './client-ip';

/** The end user's IP as the gateway reported it (see clientIpFrom), or undefined. */
export const ClientIp = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined =>
  clientIpFrom(context.switchToHttp().getRequest<Request>().headers['x-forwarded-for']),
);
