// Structured logs, one event per line. Never log tokens, passwords or message bodies at info.
import { pino, type DestinationStream, type Logger } from 'pino';
import { logFields } from './observability/request-context.js';

export type { Logger };

/** `destination`: where lines go (tests read them); stdout by default. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    // The request id (and trace id) of the work a line is written in: one request's lines can be picked out.
    mixin: logFields,
    redact: { paths: ['req.headers.authorization', '*.password', '*.token'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
