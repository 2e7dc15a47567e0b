// Each element of a webhook delivery on its own: stored, or parked when it fails for a reason a retry will not
// fix (its raw JSON and the error in inbound_failures, committed before the delivery is answered), or left to
// WhatsApp's retry when the failure is transient. Admins retry parked elements through the same path, or dismiss them.
import type { EntityManager } from '@mikro-orm/core';
import { recordAudit } from '../audit/audit.service.js';
import { errorCodeOf, errorMessageOf, isTransient } from '../db/transient.js';
import { badInput, notFound } from '../errors.js';
import type { Logger } from '../logger.js';
import { parseId } from '../support/support.validation.js';
import { decodeIdCursor, readPage, shapePage, type PageArgs, type PageResult } from '../support/pagination.js';
import { inTransaction, type Actor, type SupportContext } from '../support/support.context.js';
import { capText, TEXT_LIMITS } from '../text/clean-text.js';
import type { BotMenu } from './bot.menu.js';
import { receiveWhatsappMessage } from './inbound/inbound.dispatch.js';
import { InboundFailure, InboundFailureState } from './inbound-failure.entity.js';
import { applyReceipt } from './receipt.service.js';
import { readParkedElement, type DeliveryElement } from './webhook.parse.js';

export interface InboundDeps {
  menu: BotMenu;
  logger: Logger;
  support: SupportContext;
}

/** An element the parser refused, thrown so that it is parked like one the database refused. */
class RefusedElement extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Stores one element, or throws why it cannot be; with `deps.support.shared`, inside that shared transaction. */
export async function storeElement(deps: InboundDeps, element: DeliveryElement): Promise<void> {
  if (element.refusal) throw new RefusedElement(element.refusal.code, element.refusal.reason);
  const { event } = element;
  if (event.kind === 'message') {
    const outcome = await receiveWhatsappMessage(deps.support, deps.menu, event);
    deps.logger.debug(
      { whatsappMessageId: event.whatsappMessageId, type: event.content.type, outcome },
      'WhatsApp message handled',
    );
  } else if (event.kind === 'status') {
    const changed = await applyReceipt(deps.support, event);
    deps.logger.debug(
      { whatsappMessageId: event.whatsappMessageId, status: event.status, changed },
      'WhatsApp receipt handled',
    );
  } else {
    deps.logger.warn({ code: event.code, title: event.title }, 'WhatsApp reported an error');
  }
}

const codeOf = (error: unknown) => (error instanceof RefusedElement ? error.code : errorCodeOf(error));
const messageOf = (error: unknown) =>
  capText(error instanceof RefusedElement ? error.message : errorMessageOf(error), TEXT_LIMITS.error);

/** What identifies the element for an admin, as far as it could be read. */
function identityOf(element: DeliveryElement): { whatsappId: string | null; sender: string | null } {
  if (element.refusal) {
    const raw = JSON.parse(element.source.raw) as Record<string, unknown[] | undefined>;
    const first = (raw.messages ?? raw.statuses ?? [])[0] as { from?: unknown; recipient_id?: unknown } | undefined;
    const sender =
      typeof first?.from === 'string'
        ? first.from
        : typeof first?.recipient_id === 'string'
          ? first.recipient_id
          : null;
    return {
      whatsappId: element.refusal.id,
      sender: sender === null ? null : capText(sender, TEXT_LIMITS.phoneDigits),
    };
  }
  const { event } = element;
  if (event.kind === 'message') return { whatsappId: event.whatsappMessageId, sender: event.from };
  if (event.kind === 'status')
    return {
      whatsappId: event.whatsappMessageId,
      sender: event.recipient === null ? null : capText(event.recipient, TEXT_LIMITS.phoneDigits),
    };
  return { whatsappId: null, sender: null };
}

/** Parks an element, once: the same element delivered again (same raw JSON) finds its row and adds nothing. */
async function parkElement(ctx: SupportContext, element: DeliveryElement, error: unknown): Promise<void> {
  const { source } = element;
  await inTransaction(ctx, async (em, events) => {
    if (await em.findOne(InboundFailure, { elementKey: source.key }, { fields: ['id'] })) return;
    em.create(InboundFailure, {
      elementKey: source.key,
      kind: source.kind,
      ...identityOf(element),
      field: source.field,
      phoneNumberId: source.phoneNumberId,
      raw: JSON.parse(source.raw) as Record<string, unknown>,
      errorCode: codeOf(error),
      errorMessage: messageOf(error),
    });
    await em.flush();
    await events.emit({ type: 'NotificationsChanged', ticketId: 0 });
  });
}

/**
 * Stores one element, or parks it. A transient failure (the database away, locks that did not clear) is thrown:
 * the webhook answers 503 and WhatsApp delivers again; what was stored meanwhile is skipped then.
 */
export async function receiveElement(deps: InboundDeps, element: DeliveryElement): Promise<'stored' | 'parked'> {
  try {
    await storeElement(deps, element);
    return 'stored';
  } catch (error) {
    if (isTransient(error)) throw error;
    deps.logger.warn(
      { err: error, kind: element.source.kind, key: element.source.key },
      'WhatsApp webhook element parked: it cannot be stored',
    );
    await parkElement(deps.support, element, error);
    return 'parked';
  }
}

async function parkedRow(em: EntityManager, rawId: string): Promise<InboundFailure> {
  const id = parseId(rawId);
  const row = id === null ? null : await em.findOne(InboundFailure, id);
  if (!row) throw notFound('Parked element', rawId);
  if (row.state !== InboundFailureState.PARKED)
    throw badInput(`Parked element ${rawId} was already ${row.state.toLowerCase()}`);
  return row;
}

/** Runs a parked element through the webhook's path again: RESOLVED when it is stored, else its error is brought up to date. */
export async function retryInboundFailure(deps: InboundDeps, actor: Actor, rawId: string): Promise<InboundFailure> {
  const row = await parkedRow(deps.support.em.fork(), rawId);
  let failure: unknown = null;
  try {
    await storeElement(deps, readParkedElement(row));
  } catch (error) {
    if (isTransient(error)) throw error;
    failure = error;
  }
  return inTransaction(deps.support, async (em, events) => {
    const fresh = await parkedRow(em, rawId);
    const before = { state: fresh.state, errorCode: fresh.errorCode, attempts: fresh.attempts };
    fresh.attempts += 1;
    if (failure === null) {
      fresh.state = InboundFailureState.RESOLVED;
      fresh.closedAt = new Date();
      fresh.closedBy = actor.adminId;
    } else {
      fresh.errorCode = codeOf(failure);
      fresh.errorMessage = messageOf(failure);
      fresh.lastFailedAt = new Date();
    }
    recordAudit(em, actor, 'inbound-failure.retried', null, before, {
      state: fresh.state,
      errorCode: fresh.errorCode,
      attempts: fresh.attempts,
      id: fresh.id,
    });
    await em.flush();
    await events.emit({ type: 'NotificationsChanged', ticketId: 0 });
    return fresh;
  });
}

export function dismissInboundFailure(ctx: SupportContext, actor: Actor, rawId: string): Promise<InboundFailure> {
  return inTransaction(ctx, async (em, events) => {
    const row = await parkedRow(em, rawId);
    row.state = InboundFailureState.DISMISSED;
    row.closedAt = new Date();
    row.closedBy = actor.adminId;
    recordAudit(
      em,
      actor,
      'inbound-failure.dismissed',
      null,
      { state: InboundFailureState.PARKED },
      { state: row.state, id: row.id, kind: row.kind, whatsappId: row.whatsappId },
    );
    await em.flush();
    await events.emit({ type: 'NotificationsChanged', ticketId: 0 });
    return row;
  });
}

/** The kind of inboundFailures' cursors (see pagination.ts): refused by every other list. */
export const INBOUND_FAILURES = 'inbound-failures';

/** Parked elements (or those in `state`), newest first, a Relay page at a time. */
export async function listInboundFailures(
  em: EntityManager,
  state: InboundFailureState,
  args: PageArgs,
): Promise<PageResult<InboundFailure> & { totalCount: number }> {
  const page = readPage(args);
  const cursor = page.cursor === null ? null : decodeIdCursor(INBOUND_FAILURES, page.cursor);
  const forward = page.direction === 'forward';
  const where = cursor === null ? { state } : { state, id: forward ? { $lt: cursor } : { $gt: cursor } };
  const rows = await em.find(InboundFailure, where, {
    orderBy: { id: forward ? 'desc' : 'asc' },
    limit: page.size + 1,
  });
  const totalCount = await em.count(InboundFailure, { state });
  return { ...shapePage(rows, page), totalCount };
}
