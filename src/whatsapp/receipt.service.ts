// Delivery receipts from WhatsApp: move a message forward through SENT, DELIVERED, READ, or to FAILED.
import type { SupportContext } from '../support/support.context.js';
import { Message } from '../support/message.entity.js';
import { inTransaction } from '../support/support.context.js';
import { DeliveryStatus } from '../support/support.enums.js';
import type { StatusReceipt } from './webhook.parse.js';

/** How far a message has got; receipts arrive out of order ("read" before "delivered"), so only forward moves count. */
const progress: Record<DeliveryStatus, number> = {
  [DeliveryStatus.PENDING]: 0,
  [DeliveryStatus.SENT]: 1,
  [DeliveryStatus.DELIVERED]: 2,
  [DeliveryStatus.READ]: 3,
  [DeliveryStatus.FAILED]: 4,
};

const statusOf = { sent: DeliveryStatus.SENT, delivered: DeliveryStatus.DELIVERED, read: DeliveryStatus.READ, failed: DeliveryStatus.FAILED } as const;

/** Applies a receipt; a receipt for a message we never sent is ignored. Returns whether anything changed. */
export async function applyReceipt(ctx: SupportContext, receipt: StatusReceipt): Promise<boolean> {
  return inTransaction(ctx, async (em, events) => {
    const message = await em.findOne(Message, { whatsappMessageId: receipt.whatsappMessageId });
    if (!message) return false;
    const next = statusOf[receipt.status];
    const current = message.deliveryStatus ?? DeliveryStatus.PENDING;
    // A failure after the person has the message (delivered or read) cannot be right; ignore it.
    const isForward = next === DeliveryStatus.FAILED ? progress[current] < progress[DeliveryStatus.DELIVERED] : progress[next] > progress[current] && current !== DeliveryStatus.FAILED;
    if (!isForward) return false;
    message.deliveryStatus = next;
    if (next === DeliveryStatus.FAILED) {
      message.deliveryError = receipt.error ? `${receipt.error.code} ${receipt.error.title}`.slice(0, 512) : 'failed';
    }
    await em.flush();
    events.push({ topic: 'MESSAGE_UPDATED', payload: { ticketId: message.ticket.id, messageId: message.id } });
    return true;
  });
}
