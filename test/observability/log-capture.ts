// A server logger whose lines a test can read: the desk's own pino set-up, writing into memory.
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.js';

export interface CapturedLogs {
  logger: Logger;
  /** Every line so far, parsed. */
  lines(): Record<string, unknown>[];
}

export function captureLogs(level = 'debug'): CapturedLogs {
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      raw.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(level, sink), lines: () => raw.map((line) => JSON.parse(line)) };
}
