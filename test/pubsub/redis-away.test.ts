// An instance whose Redis never answers keeps serving its own subscribers, for as long as Redis is away.
import { createServer } from 'node:net';
import pino from 'pino';
import { afterAll, expect, it } from 'vitest';
import { createSharedState } from '../../src/pubsub/shared-state.js';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);
afterAll(() => process.off('unhandledRejection', onUnhandled));

it('a subscriber outlasts twenty failed reconnects to Redis: no unhandled rejection, its own events still arrive', async () => {
  const state = createSharedState(`redis://127.0.0.1:${await closedPort()}`, 'away:', pino({ level: 'silent' }));
  try {
    const events = state.pubsub.subscribe('TICKET_CREATED')[Symbol.asyncIterator]();
    const first = events.next();
    // ioredis gave up a queued SUBSCRIBE after 20 reconnects (about 25 s with our back-off) and the rejection
    // went unhandled, which ends a Node process.
    await new Promise((resolve) => setTimeout(resolve, 35_000));
    state.pubsub.publish('TICKET_CREATED', { ticketId: 7 } as never);
    expect((await first).value).toMatchObject({ ticketId: 7 });
    expect(unhandled).toEqual([]);
  } finally {
    await state.close();
  }
}, 60_000);
