// Messages in a ticket's thread: agents' replies (sent to the person), internal notes, and the shared road for both.
import type { EntityManager } from '@mikro-orm/core';
import { Agent } from '../auth/agent.entity.js';
import { badInput, DomainError, ErrorCode } from '../errors.js';
import { Message } from './message.entity.js';
import { inTransaction, type Actor, type SupportContext, type TemplateSend } from './support.context.js';
import { DeliveryStatus, isActiveStatus, SenderType, TicketStatus } from './support.enums.js';
import { validateBody, validateNote, validateReplyParts } from './support.validation.js';
import type { Ticket } from './ticket.entity.js';
import type { MediaFile } from '../media/media.entity.js';
import { MAX_CAPTION_LENGTH } from '../media/media.policy.js';
import { takeUpload } from '../media/media.service.js';
import { markReadUpTo } from './read-marks.js';
import { loadTicketForChange } from './ticket.repository.js';
import { changeStatus } from './ticket.status.js';

export interface NewThreadMessage {
  senderType: SenderType;
  senderName: string | null;
  authorId: number | null;
  body: string;
  /** Sent to the person on WhatsApp (through the outbound channel), rather than kept internal. */
  toPerson: boolean;
  internal?: boolean;
  /** Sent as this approved template instead of as free text. */
  template?: TemplateSend | null;
  /** A file the agent uploaded, sent with the message as its caption (or with no caption). */
  attachment?: { file: MediaFile; caption: string | null };
}

/** Adds a message to the thread inside the caller's transaction; outgoing ones are handed to the outbound channel. */
export async function addMessageToThread(
  ctx: SupportContext,
  em: EntityManager,
  ticket: Ticket,
  input: NewThreadMessage,
): Promise<Message> {
  const now = new Date();
  const message = em.create(Message, {
    ticket,
    senderType: input.senderType,
    senderName: input.senderName,
    author: input.authorId === null ? null : em.getReference(Agent, input.authorId),
    body: input.body,
    internal: input.internal ?? false,
    templateName: input.template?.name ?? null,
    deliveryStatus: input.toPerson ? DeliveryStatus.PENDING : null,
    createdAt: now,
  });
  if (!message.internal) ticket.lastMessageAt = now;
  ticket.updatedAt = now;
  await em.flush();
  if (input.attachment) Object.assign(input.attachment.file, { message, caption: input.attachment.caption });
  if (input.toPerson)
    await ctx.outbound.enqueue(em, message, ticket, {
      template: input.template ?? null,
      attachment: input.attachment ?? null,
    });
  return message;
}

/**
 * Refuses a reply when another agent replied to the person after `typingSince` (collision detection).
 * Runs with the ticket's row locked, so a reply committed a moment ago is seen.
 */
async function assertNoReplySince(em: EntityManager, actor: Actor, ticket: Ticket, typingSince: Date): Promise<void> {
  const others = await em.find(
    Message,
    {
      ticket: ticket.id,
      senderType: SenderType.ADMIN,
      internal: false,
      createdAt: { $gt: typingSince },
      $or: [{ author: null }, { author: { $ne: actor.adminId } }],
    },
    { orderBy: { id: 'asc' }, limit: 5, fields: ['id', 'senderName', 'createdAt'] },
  );
  if (others.length === 0) return;
  const names = [...new Set(others.map((other) => other.senderName ?? 'Another agent'))].join(', ');
  throw new DomainError(
    ErrorCode.OTHER_AGENT_REPLIED,
    `${names} replied to this person after you started typing (${others.length} ${others.length === 1 ? 'reply' : 'replies'}); review the thread, then send again without typingSince to send anyway`,
  );
}

/**
 * An agent's reply, which goes to the person on WhatsApp. The first reply moves an OPEN ticket to
 * IN_PROGRESS and sets firstResponseAt; an unassigned ticket is taken by the agent who answers it.
 * With `typingSince`, it is refused (OTHER_AGENT_REPLIED) when another agent replied after that moment.
 * With `template` (already validated, `rawBody` its rendered text) it goes out as that template, which WhatsApp
 * delivers also after the 24-hour window; a free-form reply is refused then (REPLY_WINDOW_CLOSED).
 * A free-form reply longer than WhatsApp's limit goes as several messages of the thread, in order, in this one
 * transaction (the outbox sends one person's rows in order); the first of them is returned.
 */
export async function sendAgentReply(
  ctx: SupportContext,
  actor: Actor,
  ticketId: string,
  rawBody: string,
  typingSince: Date | null = null,
  as: { template?: TemplateSend | null; attachmentId?: string | null } = {},
): Promise<Message> {
  const template = as.template ?? null;
  const attachmentId = as.attachmentId ?? null;
  // With a file, the body is its caption (WhatsApp's limit is shorter) and may be empty.
  const parts = attachmentId || template ? null : validateReplyParts(rawBody);
  const caption =
    parts || (attachmentId && rawBody.trim() === '')
      ? null
      : validateBody(rawBody, attachmentId ? 'A caption' : 'A reply');
  if (attachmentId && caption && caption.length > MAX_CAPTION_LENGTH)
    throw badInput(`A caption is at most ${MAX_CAPTION_LENGTH} characters (WhatsApp's limit), got ${caption.length}`);
  return inTransaction(ctx, async (em, events) => {
    const file = attachmentId ? await takeUpload(em, actor.adminId, attachmentId) : null;
    const ticket = await loadTicketForChange(em, ticketId);
    if (!isActiveStatus(ticket.status))
      throw badInput(`Ticket ${ticket.id} is ${ticket.status}: reopen it before replying`);
    if (typingSince) await assertNoReplySince(em, actor, ticket, typingSince);
    const closesAt = ticket.replyWindowClosesAt;
    if (!template && (!closesAt || closesAt.getTime() <= Date.now())) {
      throw new DomainError(
        ErrorCode.REPLY_WINDOW_CLOSED,
        "WhatsApp's 24-hour reply window for this person has closed; they must write again before a free-form reply can be sent",
      );
    }
    // The first reply: the ticket is in progress, timed (a follower), and taken by the agent when nobody had it.
    ticket.firstResponseAt ??= new Date();
    if (ticket.status === TicketStatus.OPEN)
      await changeStatus(em, events, ticket, TicketStatus.IN_PROGRESS, 'first-reply', actor);
    if (!ticket.assignee) {
      ticket.assignee = em.getReference(Agent, actor.adminId);
      await events.emit({ type: 'TicketAssigned', ticket, from: null, to: actor.adminId, cause: 'first-reply', actor });
    }
    const sent: Message[] = [];
    for (const body of parts ?? [caption ?? `📎 ${file?.filename ?? file?.kind.toLowerCase() ?? 'file'}`]) {
      const message = await addMessageToThread(ctx, em, ticket, {
        senderType: SenderType.ADMIN,
        senderName: actor.name,
        authorId: actor.adminId,
        body,
        toPerson: true,
        template,
        ...(file ? { attachment: { file, caption } } : {}),
      });
      await events.emit({ type: 'MessageAdded', ticket, message, kind: 'reply', template: template?.name, actor });
      sent.push(message);
    }
    await markReadUpTo(em, actor.adminId, ticket.id);
    return sent[0]!;
  });
}

/** A note for the other agents: stored in the thread, never sent to the person. */
export async function addInternalNote(
  ctx: SupportContext,
  actor: Actor,
  ticketId: string,
  rawBody: string,
): Promise<Message> {
  const body = validateNote(rawBody);
  return inTransaction(ctx, async (em, events) => {
    const ticket = await loadTicketForChange(em, ticketId);
    const message = await addMessageToThread(ctx, em, ticket, {
      senderType: SenderType.ADMIN,
      senderName: actor.name,
      authorId: actor.adminId,
      body,
      toPerson: false,
      internal: true,
    });
    await events.emit({ type: 'MessageAdded', ticket, message, kind: 'note', actor });
    return message;
  });
}

export async function loadMessage(em: EntityManager, id: number): Promise<Message> {
  const message = await em.findOne(Message, id);
  if (!message) throw new DomainError(ErrorCode.NOT_FOUND, `Message ${id} was not found`);
  return message;
}
