export { createLogger, type LoggerOptions } from './create-logger';
export {
  CORRELATION_HEADER,
  correlationIdFrom,
  currentContext,
  currentCorrelationId,
  runWithContext,
  type RequestContext,
} from './correlation';
export { SENSITIVE_FIELD_NAMES, REDACTED, sensitivePaths, scrubLogLine } from './redaction';
export { PlatformLoggingModule } from './platform-logging.module';
export { correlationMiddleware } from './correlation.middleware';
