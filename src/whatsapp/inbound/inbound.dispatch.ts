// One message from a person, start to end: one transaction keyed by its WhatsApp id (a repeated delivery
// changes nothing), the sender's contact, then exactly one handler, chosen by what the message is and where
// the person's conversation stands. A ticket it opens or reopens is then assigned when routing is on.
import type { TicketSatisfaction } from '../../satisfaction/satisfaction.entity.js';
import { awaitingComment, endCommentWait } from '../../satisfaction/satisfaction.service.js';
import { ConversationState } from '../../support/contact.entity.js';
import type { Message } from '../../support/message.entity.js';
import { inTransaction, type SupportContext } from '../../support/support.context.js';
import type { Ticket } from '../../support/ticket.entity.js';
import { reopensOnMessage } from '../../support/ticket.service.js';
import { botTextsFor } from '../../bot-messages/bot-messages.service.js';
import { type BotLanguageCode, parseLanguageChoice } from '../../bot-messages/bot-messages.texts.js';
import { type BotMenu, findMenuItem, type MenuItem, menuIn } from '../bot.menu.js';
import { contactFor } from '../contact-identity.js';
import { ProcessedInbound } from '../processed-inbound.entity.js';
import { parseSurveyChoice, type SurveyChoice } from '../satisfaction.survey.js';
import type { InboundContent, InboundMessage } from '../webhook.parse.js';
import { answerFromMenu } from './bot-conversation.handler.js';
import { changeEarlierMessage, findChangedMessage } from './earlier-message.handler.js';
import type { InboundOutcome, InboundTurn } from './inbound.turn.js';
import { activeTicketOf, endedTicketOf } from './person-tickets.js';
import { commentOnRating, rateTicket } from './survey-answer.handler.js';
import { noteMenuTap } from './menu-tap.handler.js';
import { chooseLanguage } from './language-choice.handler.js';
import { noteSystemChange } from './system-notice.handler.js';
import { addToOpenTicket } from './ticket-message.handler.js';
import { openTicketFromIssue } from './ticket-request.handler.js';
import { reopenEndedTicket } from './ticket-reopen.handler.js';

/** Which handler a message goes to, with what choosing it found. */
type Handling =
  | { by: 'system-notice'; content: Extract<InboundContent, { type: 'system' }> }
  | { by: 'survey-rating'; choice: SurveyChoice }
  | { by: 'language-choice'; language: BotLanguageCode; hasOpenTicket: boolean }
  | { by: 'survey-comment'; pending: TicketSatisfaction; text: string }
  | { by: 'earlier-message'; message: Message }
  | { by: 'nobody' }
  | { by: 'ticket-message'; ticket: Ticket }
  | { by: 'menu-tap'; ticket: Ticket; item: MenuItem }
  | { by: 'ticket-request' }
  | { by: 'ticket-reopen'; ticket: Ticket }
  | { by: 'bot-conversation'; item: MenuItem | null; endedTicket: Ticket | null };

const NOBODY: Handling = { by: 'nobody' };

/**
 * Reads, in this order, what decides the handler. The one write is the survey's: anything but a comment ends
 * the wait for one, whatever the message then does.
 */
async function chooseHandling({ ctx, em, contact, inbound }: InboundTurn, menu: BotMenu): Promise<Handling> {
  const { content } = inbound;
  if (content.type === 'system') return { by: 'system-notice', content };
  // A survey tap rates its own (resolved) ticket: it never joins, reopens or opens one.
  const choice = content.type === 'choice' ? parseSurveyChoice(content.choiceId) : null;
  if (choice) return { by: 'survey-rating', choice };
  const language = content.type === 'choice' ? parseLanguageChoice(content.choiceId) : null;
  if (language) return { by: 'language-choice', language, hasOpenTicket: (await activeTicketOf(em, contact)) !== null };
  // An edit, a revoke or a reaction changes the message it names, wherever it is, and adds no line.
  const earlier = await findChangedMessage(em, contact, content);
  if (earlier) return { by: 'earlier-message', message: earlier };
  if (content.type === 'revoke') return NOBODY;

  const ticket = await activeTicketOf(em, contact);
  if (ticket) {
    // Opening the chat (request_welcome) is answered by the bot's menu, never added to a thread.
    if (content.type === 'welcome') return NOBODY;
    // A tap on the bot's (old) menu is not written to the agents (see menu-tap.handler.ts).
    const tapped = content.type === 'choice' ? findMenuItem(menu, { choiceId: content.choiceId }) : null;
    return tapped ? { by: 'menu-tap', ticket, item: tapped } : { by: 'ticket-message', ticket };
  }
  const pending = await awaitingComment(em, contact.phoneNumber);
  if (pending && content.type === 'text' && content.text.trim())
    return { by: 'survey-comment', pending, text: content.text };
  if (pending) await endCommentWait(em, contact.phoneNumber);

  const isChoice = content.type === 'choice';
  if (
    contact.conversationState === ConversationState.AWAITING_ISSUE &&
    !isChoice &&
    content.type !== 'reaction' &&
    content.type !== 'welcome'
  )
    return { by: 'ticket-request' };
  if (content.type === 'reaction') return NOBODY;
  const item = findMenuItem(
    menu,
    isChoice ? { choiceId: content.choiceId } : { text: content.type === 'text' ? content.text : '' },
  );
  // Not a pick from the bot's menu (tapped, or its number or title typed): written after a ticket ended, it
  // reopens that ticket when it was resolved within REOPEN_WITHIN_HOURS, or is kept on it.
  const endedTicket = isChoice || item ? null : await endedTicketOf(em, contact);
  if (endedTicket && reopensOnMessage(endedTicket, inbound.sentAt, ctx.reopenWithinMs))
    return { by: 'ticket-reopen', ticket: endedTicket };
  return { by: 'bot-conversation', item, endedTicket };
}

function handle(turn: InboundTurn, menu: BotMenu, handling: Handling): Promise<InboundOutcome> {
  switch (handling.by) {
    case 'system-notice':
      return noteSystemChange(turn, handling.content);
    case 'survey-rating':
      return rateTicket(turn, handling.choice);
    case 'language-choice':
      return chooseLanguage(turn, menu, handling.language, handling.hasOpenTicket);
    case 'survey-comment':
      return commentOnRating(turn, handling.pending, handling.text);
    case 'earlier-message':
      return changeEarlierMessage(turn, handling.message);
    case 'nobody':
      return Promise.resolve('ignored');
    case 'ticket-message':
      return addToOpenTicket(turn, handling.ticket);
    case 'menu-tap':
      return noteMenuTap(turn, handling.ticket, handling.item);
    case 'ticket-request':
      return openTicketFromIssue(turn);
    case 'ticket-reopen':
      return reopenEndedTicket(turn, handling.ticket);
    case 'bot-conversation':
      return answerFromMenu(turn, menu, handling.item, handling.endedTicket);
    default: {
      const unknown: never = handling;
      throw new Error(`No handler for ${String(unknown)}`);
    }
  }
}

export async function receiveWhatsappMessage(
  ctx: SupportContext,
  menu: BotMenu,
  inbound: InboundMessage,
): Promise<InboundOutcome> {
  // Automatic assignment follows an opened or reopened ticket after commit (routing's follower of the events).
  return inTransaction<InboundOutcome>(ctx, async (em, events) => {
    if (await em.findOne(ProcessedInbound, { whatsappMessageId: inbound.whatsappMessageId })) return 'duplicate';
    em.create(ProcessedInbound, { whatsappMessageId: inbound.whatsappMessageId, sender: inbound.from });
    await em.flush();
    const contact = await contactFor(em, events, inbound);
    const texts = await botTextsFor(em, contact, { greeting: menu.greeting });
    const turn: InboundTurn = { ctx, em, events, inbound, contact, texts };
    const spoken = menuIn(menu, texts);
    return handle(turn, spoken, await chooseHandling(turn, spoken));
  });
}
