import { type DynamicModule, Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { CORRELATION_HEADER } from './correlation';
import { createLogger } from './create-logger';

interface LoggedRequest extends IncomingMessage {
  originalUrl?: string;
}

/**
 * Nest wiring for the platform logger: one request line per response with
 * method, route, status and latency. Bodies and headers are never logged;
 * only the few request facts below are.
 */
@Module({})
export class PlatformLoggingModule {
  static forService(service: string, level: string): DynamicModule {
    return {
      module: PlatformLoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger: createLogger({ service, level }),
            genReqId: (req: IncomingMessage) => String(req.headers[CORRELATION_HEADER] ?? ''),
            customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
              error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
            serializers: {
              req: (req: LoggedRequest & { raw?: LoggedRequest }) => ({
                method: req.method,
                url: (req.raw ?? req).originalUrl ?? req.url,
                userAgent: req.headers?.['user-agent'],
              }),
              res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
            },
            quietReqLogger: true,
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/healthz' },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
