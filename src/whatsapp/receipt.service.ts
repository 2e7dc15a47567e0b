// Delivery receipts from WhatsApp: move a message forward through SENT, DELIVERED, READ, or to FAILED.
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { Message } from '../support/message.entity.js';
import { inTransaction, type SupportContext } from '../support/support.context.js';
import { DeliveryStatus } from '../support/support.enums.js';
import { EarlyReceipt } from './early-receipt.entity.js';
import type { ReceiptStatus, StatusReceipt } from './webhook.parse.js';
import { capText, TEXT_LIMITS } from '../text/clean-text.js';

/** How far a message has got; receipts arrive out of order ("read" before "delivered"), so only forward moves count. */
const progress: Record<DeliveryStatus, number> = {
  [DeliveryStatus.PENDING]: 0,
  [DeliveryStatus.SENT]: 1,
  [DeliveryStatus.DELIVERED]: 2,
  [DeliveryStatus.READ]: 3,
  [DeliveryStatus.FAILED]: 4,
};

const statusOf: Record<ReceiptStatus, DeliveryStatus> = {
  sent: DeliveryStatus.SENT,
  delivered: DeliveryStatus.DELIVERED,
  read: DeliveryStatus.READ,
  failed: DeliveryStatus.FAILED,
};

/** Moves the message forward if the receipt says it got further; returns whether it changed. */
export function advanceDelivery(
  message: Message,
  status: ReceiptStatus,
  error: { code: number; title: string } | null,
): boolean {
  const next = statusOf[status];
  const current = message.deliveryStatus ?? DeliveryStatus.PENDING;
  if (current === DeliveryStatus.FAILED) return false;
  // A failure after the person has the message (delivered or read) cannot be right; ignore it.
  const isForward =
    next === DeliveryStatus.FAILED
      ? progress[current] < progress[DeliveryStatus.DELIVERED]
      : progress[next] > progress[current];
  if (!isForward) return false;
  message.deliveryStatus = next;
  if (next === DeliveryStatus.FAILED)
    message.deliveryError = capText(error ? `${error.code} ${error.title}` : 'failed', TEXT_LIMITS.error);
  return true;
}

/** Applies receipts that came before the message's WhatsApp id was recorded; returns whether the message changed. */
export async function applyEarlyReceipts(em: EntityManager, message: Message): Promise<boolean> {
  if (!message.whatsappMessageId) return false;
  const early = await em.find(
    EarlyReceipt,
    { whatsappMessageId: message.whatsappMessageId },
    { orderBy: { id: 'asc' } },
  );
  let changed = false;
  for (const receipt of early) {
    const error = receipt.errorCode !== null ? { code: receipt.errorCode, title: receipt.errorTitle ?? '' } : null;
    changed = advanceDelivery(message, receipt.status as ReceiptStatus, error) || changed;
    em.remove(receipt);
  }
  await em.flush();
  return changed;
}

/**
 * The message a receipt is for, locked: receipts and the dispatcher's record of a send may change one message
 * at once, and "only forward" is decided on the row as it is, not on a snapshot (on MariaDB a READ written by
 * one transaction was overwritten by DELIVERED from another that had read the row before).
 */
export const lockMessageByWhatsappId = (em: EntityManager, whatsappMessageId: string) =>
  em.findOne(Message, { whatsappMessageId }, { lockMode: LockMode.PESSIMISTIC_WRITE });

/**
 * Applies a receipt. One for an id we do not know yet is kept: it may be for a message whose send we are
 * still recording, and it is applied when that record lands (both sides look again after committing).
 */
export async function applyReceipt(ctx: SupportContext, receipt: StatusReceipt): Promise<boolean> {
  const found = await inTransaction(ctx, async (em, events) => {
    const message = await lockMessageByWhatsappId(em, receipt.whatsappMessageId);
    if (!message) {
      em.create(EarlyReceipt, {
        whatsappMessageId: receipt.whatsappMessageId,
        status: receipt.status,
        errorCode: receipt.error?.code ?? null,
        errorTitle: receipt.error ? capText(receipt.error.title, 255) : null,
      });
      await em.flush();
      return null;
    }
    if (!advanceDelivery(message, receipt.status, receipt.error)) return false;
    await em.flush();
    await events.emit({
      type: 'MessageUpdated',
      ticketId: message.ticket.id,
      messageId: message.id,
      ticketChanged: false,
    });
    return true;
  });
  if (found !== null) return found;
  return inTransaction(ctx, async (em, events) => {
    const message = await lockMessageByWhatsappId(em, receipt.whatsappMessageId);
    if (!message || !(await applyEarlyReceipts(em, message))) return false;
    await events.emit({
      type: 'MessageUpdated',
      ticketId: message.ticket.id,
      messageId: message.id,
      ticketChanged: false,
    });
    return true;
  });
}
