// Carries pubsub events between instances through Redis (@graphql-yoga/redis-event-target on ioredis),
// while delivering this instance's own events locally first: if Redis is lost, the instance keeps
// serving its own subscribers, and picks the others' events up again when Redis returns.
import { randomUUID } from 'node:crypto';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

interface Envelope {
  origin: string;
  payload: unknown;
}

type Listener = (event: CustomEvent) => void;

export class FanOutEventTarget {
  private readonly origin = randomUUID();
  private readonly local = new EventTarget();
  private readonly remote;
  private readonly bridged = new Set<string>();

  constructor(
    private readonly publishClient: Redis,
    subscribeClient: Redis,
    private readonly logger: Logger,
    private readonly channelPrefix = 'support:',
  ) {
    // The library's side that receives; publishing is ours, so that a failed publish is caught and logged.
    this.remote = createRedisEventTarget({ publishClient, subscribeClient });
  }

  addEventListener(type: string, listener: Listener | null): void {
    if (!listener) return;
    this.local.addEventListener(type, listener as (event: Event) => void);
    if (this.bridged.has(type)) return;
    this.bridged.add(type);
    this.remote.addEventListener(this.channelPrefix + type, (event: CustomEvent<Envelope>) => {
      if (event.detail?.origin === this.origin) return;
      this.local.dispatchEvent(new CustomEvent(type, { detail: event.detail?.payload }));
    });
  }

  removeEventListener(type: string, listener: Listener | null): void {
    if (listener) this.local.removeEventListener(type, listener as (event: Event) => void);
  }

  dispatchEvent(event: CustomEvent): boolean {
    this.local.dispatchEvent(new CustomEvent(event.type, { detail: event.detail }));
    const envelope: Envelope = { origin: this.origin, payload: event.detail };
    this.publishClient.publish(this.channelPrefix + event.type, JSON.stringify(envelope)).catch((error: unknown) => {
      this.logger.warn({ err: error, topic: event.type }, 'event not shared through Redis; other instances miss it');
    });
    return true;
  }
}
