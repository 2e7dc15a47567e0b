// Who a bearer token belongs to, remembered for a few seconds so that a request does not cost a
// database round trip just to say who is calling. A sign-out or revocation evicts the token on every
// instance at once (the AUTH_REVOKED event travels through the pubsub, and Redis between instances), and so
// does a change of an agent's name or role (AGENT_CHANGED).
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { SupportPubSub } from '../pubsub/pubsub.js';
import { authenticate } from './auth.service.js';
import { isRevokedBy, type Caller } from './caller.js';
import type { AuthRevocation } from '../pubsub/pubsub.js';

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
    this.entries.set(key, {
      caller,
      until: Math.min(Date.now() + this.ttlMs, caller.expiresAt?.getTime() ?? Infinity),
    });
    return caller;
  }

  evict(revoked: AuthRevocation): void {
    this.forget((caller) => isRevokedBy(caller, revoked));
  }

  /** Forgets every token of an agent whose name or role changed, so the next request reads them afresh. */
  forgetAgent(adminId: number): void {
    this.forget((caller) => caller.admin.id === adminId);
  }

  private forget(matches: (caller: Caller) => boolean): void {
    for (const [key, { caller }] of this.entries) {
      if (matches(caller)) this.entries.delete(key);
    }
  }

  /** Listens for revocations and agents' changes from every instance until the pubsub ends. */
  follow(pubsub: SupportPubSub): void {
    void (async () => {
      for await (const revoked of pubsub.subscribe('AUTH_REVOKED')) this.evict(revoked);
    })();
    void (async () => {
      for await (const { adminId } of pubsub.subscribe('AGENT_CHANGED')) this.forgetAgent(adminId);
    })();
  }
}
