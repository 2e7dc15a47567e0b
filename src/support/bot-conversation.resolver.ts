// The Ticket field with the conversation that led to it, read from the ticket's own row (no query of its own).
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { BotConversationLine, readBotLines, type StoredBotLine } from './bot-conversation.js';
import { jsonColumn } from './message-details.js';
import { Ticket, type TicketRecord } from './ticket.entity.js';

@Resolver(() => Ticket)
export class TicketBotConversationResolver {
  @FieldResolver(() => [BotConversationLine], {
    description:
      'The conversation the person had with the WhatsApp bot before this ticket opened, oldest first: their greeting, ' +
      'the bot’s menu, their tap on Chat Support, the bot’s prompt (the issue they then wrote is the first message). ' +
      'Only lines of the last 24 hours before the ticket, at most 20. Empty for tickets opened through the API, and ' +
      'for tickets opened before the desk kept this. Not messages: not in messages, messageCount, unreadCount or preview.',
  })
  botConversation(@Root() ticket: TicketRecord): BotConversationLine[] {
    return readBotLines(jsonColumn<StoredBotLine[]>(ticket.botConversation));
  }
}
