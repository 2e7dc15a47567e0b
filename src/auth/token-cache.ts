// Who a bearer token belongs to, remembered for a few seconds so that a request does not cost a
// database round trip just to say who is calling. A sign-out or revocation evicts the token on every
// instance at once (the AUTH_REVOKED event travels through the pubsub, and Redis between instances).
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { SupportPubSub } from '../pubsub/pubsub.js';
import { authenticate } from './auth.service.js';
import type { Caller } from './caller.js';

interface Entry {
  caller: Caller;
  until: number;
}

export class TokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** `openEm` is called only when the token is not remembered: most requests need no database for this. */
  async authenticate(openEm: () => EntityManager, token: string): Promise<Caller | null> {
    const key = createHash('sha256').update(token).digest('hex');
    const cached = this.entries.get(key);
    if (cached && cached.until > Date.now()) return cached.caller;
    const caller = await authenticate(openEm(), token);
    if (!caller) {
      this.entries.delete(key);
      return null;
    }
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    // Never past the token's own expiry.
    this.entries.set(key, { caller, until: Math.min(Date.now() + this.ttlMs, caller.expiresAt?.getTime() ?? Infinity) });
    return caller;
  }

  evict(revoked: { sessionId?: number; tokenId?: number }): void {
    for (const [key, { caller }] of this.entries) {
      const matches = caller.kind === 'session' ? caller.sessionId === revoked.sessionId : caller.tokenId === revoked.tokenId;
      if (matches) this.entries.delete(key);
    }
  }

  /** Listens for revocations from every instance until the pubsub ends. */
  follow(pubsub: SupportPubSub): void {
    void (async () => {
      for await (const revoked of pubsub.subscribe('AUTH_REVOKED')) this.evict(revoked);
    })();
  }
}
