import pino, { type DestinationStream, type Logger } from 'pino';
import { currentContext } from './correlation';
import { REDACTED, scrubLogLine, sensitivePaths } from './redaction';

export interface LoggerOptions {
  service: string;
  level?: string;
  /** Where lines go; stdout when omitted. Tests pass a capturing stream. */
  destination?: DestinationStream;
}

/**
 * The one way to build a logger in this repo: JSON lines with the service
 * name, correlation and user id from the request context, redaction by field
 * name and scrubbing of card numbers by content.
 */
export function createLogger({ service, level = 'info', destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      base: { service },
      // ISO time, not epoch millis: a 13-digit number could pass Luhn and be scrubbed.
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: sensitivePaths(), censor: REDACTED },
      mixin: () => {
        const context = currentContext();
        return context ? { correlationId: context.correlationId, userId: context.userId } : {};
      },
      hooks: { streamWrite: scrubLogLine },
    },
    destination ?? pino.destination({ sync: false }),
  );
}
