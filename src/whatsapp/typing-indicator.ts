// While an agent types a reply, the person on WhatsApp sees "typing…": the Cloud API marks their last
// message read with a typing indicator, which WhatsApp shows for up to 25 s or until our reply arrives.
//
// Best effort, not the outbox: a lost indicator costs nothing and a late one is worse than none, so it is
// sent once, straight away, with a short timeout and no retry. Sending it through the outbox would write a
// row per indicator and, worse, make the person's next real reply wait behind an indicator being retried.
// Throttled per ticket across instances (the shared counters), so a team typing at once sends one.
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from '../logger.js';
import { take, type LimiterFactory } from '../rate-limit/rate-limiter.js';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { Message } from '../support/message.entity.js';
import { isActiveStatus, SenderType } from '../support/support.enums.js';
import { Ticket } from '../support/ticket.entity.js';
import type { CloudApiClient } from './cloud-api.client.js';
import { typingIndicatorPayload } from './cloud-api.payloads.js';

/** WhatsApp shows an indicator for up to 25 s; one every 20 s keeps it up while an agent keeps typing. */
export const TYPING_INDICATOR_INTERVAL_MS = 20_000;

/** How long a typing indicator may wait for the Cloud API (at most the client's own timeout). */
const TYPING_INDICATOR_TIMEOUT_MS = 5000;

export class TypingIndicator {
  private client: CloudApiClient | null = null;
  private readonly shown: RateLimiterAbstract;

  constructor(
    private readonly orm: MikroORM,
    limiters: LimiterFactory,
    private readonly logger: Logger,
    intervalMs = TYPING_INDICATOR_INTERVAL_MS,
  ) {
    // Not insured: while Redis is away no indicator is sent, rather than one per instance.
    this.shown = limiters({ name: 'typing-indicator', points: 1, durationMs: intervalMs, insured: false });
  }

  /** The Cloud API to send through, once the server has one (none: indicators are not sent). */
  attach(client: CloudApiClient): void {
    this.client = client;
  }

  /** An agent is typing on this ticket: show the person, unless shown lately or not allowed. */
  agentTyping(ticketId: number): void {
    this.send(ticketId).catch((error: unknown) =>
      this.logger.warn({ err: error, ticketId }, 'typing indicator not sent'),
    );
  }

  private async send(ticketId: number): Promise<void> {
    const client = this.client;
    if (!client) return;
    // Without the shared counters (Redis away) none is sent, rather than one per instance and report.
    const shownLately = (await take(this.shown, String(ticketId)).catch(() => 1)) > 0;
    if (shownLately) return;
    const em = this.orm.em.fork();
    const ticket = await em.findOne(Ticket, ticketId);
    // Only inside WhatsApp's 24-hour window, and only for a ticket someone may still answer.
    const closesAt = ticket?.replyWindowClosesAt;
    if (!ticket || !isActiveStatus(ticket.status) || !closesAt || closesAt.getTime() <= Date.now()) return;
    const last = await em.findOne(
      Message,
      { ticket: ticketId, senderType: SenderType.USER },
      { orderBy: { id: 'desc' }, fields: ['id', 'whatsappMessageId'] },
    );
    // A person's message from the API (not WhatsApp) has no id for WhatsApp to show the indicator on.
    if (!last?.whatsappMessageId) return;
    const outcome = await client.send(typingIndicatorPayload(last.whatsappMessageId), {
      timeoutMs: TYPING_INDICATOR_TIMEOUT_MS,
    });
    if (outcome.kind !== 'accepted')
      this.logger.debug({ ticketId, reason: outcome.reason }, 'typing indicator refused; not retried');
  }
}
