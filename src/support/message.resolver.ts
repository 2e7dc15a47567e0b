// Replies and notes, and the Message fields that point elsewhere.
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';
import { actorOf } from '../auth/auth.service.js';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { MAX_BODY_LENGTH, MAX_NOTE_LENGTH, MAX_REPLY_PARTS, Message, type MessageRecord } from './message.entity.js';
import { addInternalNote, sendAgentReply } from './message.service.js';
import { Ticket, type TicketRecord } from './ticket.entity.js';

@Resolver(() => Message)
export class MessageResolver {
  @Mutation(() => Message, {
    description:
      "An agent's reply: stored in the thread and sent to the person on WhatsApp. A body longer than WhatsApp's " +
      `limit of ${MAX_BODY_LENGTH} characters goes as several messages of the thread (at most ${MAX_REPLY_PARTS}), in ` +
      'order, all or none; the answer is the first of them, and each is published by messageAdded.',
  })
  sendMessage(
    @Arg('ticketId', () => ID, { description: 'The ticket’s id; an unknown id is NOT_FOUND.' }) ticketId: string,
    @Arg('body', () => String, {
      description:
        `The reply's text, trimmed. Up to ${MAX_BODY_LENGTH} UTF-16 code units it is one WhatsApp message; longer, it is ` +
        'cut after a blank line, else after a sentence or line, else after a space, else between graphemes (never ' +
        `inside an emoji), into parts of at most ${MAX_BODY_LENGTH} that joined give the text back exactly. More than ` +
        `${MAX_REPLY_PARTS} parts is refused (BAD_USER_INPUT) and nothing is sent. With attachmentId it is the caption.`,
    })
    body: string,
    @Ctx() ctx: GraphqlContext,
    @Arg('typingSince', () => Date, {
      nullable: true,
      description:
        'Optional collision check: when the agent started writing this reply. If another agent replied to the person after it, ' +
        'nothing is sent and the error code is OTHER_AGENT_REPLIED; send again without typingSince to send anyway. Use the ' +
        "server's clock: the caller's own typingSince from reportPresence, or the createdAt of the newest message seen when the draft began.",
    })
    typingSince?: Date | null,
    @Arg('attachmentId', () => ID, {
      nullable: true,
      description:
        'A file uploaded with POST /media/uploads (by the same agent, not yet sent): the reply goes out as a WhatsApp image, audio, ' +
        'video or document message, with body as its caption (may be empty; at most 1,024 characters).',
    })
    attachmentId?: string | null,
  ): Promise<Message> {
    return sendAgentReply(ctx.support, actorOf(callerOf(ctx)), ticketId, body, typingSince ?? null, {
      attachmentId: attachmentId ?? null,
    });
  }

  @Mutation(() => Message, { description: 'An internal note for agents; never sent to the person.' })
  addNote(
    @Arg('ticketId', () => ID, { description: 'The ticket’s id; an unknown id is NOT_FOUND.' }) ticketId: string,
    @Arg('body', () => String, {
      description: `The note's text, trimmed, kept whole: at most ${MAX_NOTE_LENGTH} characters (WhatsApp's limit does not apply).`,
    })
    body: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Message> {
    return addInternalNote(ctx.support, actorOf(callerOf(ctx)), ticketId, body);
  }

  @FieldResolver(() => Ticket, { description: 'The ticket whose thread this message is in.' })
  async ticket(@Root() message: MessageRecord, @Ctx() ctx: GraphqlContext): Promise<TicketRecord> {
    const ticket = await ctx.loaders.ticket.load(message.ticket.id);
    if (!ticket) throw new Error(`message ${message.id} points at missing ticket ${message.ticket.id}`);
    return ticket;
  }

  @FieldResolver(() => Agent, { nullable: true, description: 'The agent who wrote it, for agents’ replies and notes.' })
  author(@Root() message: MessageRecord, @Ctx() ctx: GraphqlContext): Promise<Agent | null> | null {
    return message.author ? ctx.loaders.admin.load(message.author.id) : null;
  }
}
