// A tap on one of the language buttons (after 🌐 Language / Idioma in the menu): the bot speaks that language to
// the person from now on, as if an agent had set it on their contact, and shows the menu again in it.
import { loadBotMessages, textsOf } from '../../bot-messages/bot-messages.service.js';
import type { BotLanguageCode } from '../../bot-messages/bot-messages.texts.js';
import { appendBotLines, BotLineSender, type StoredBotLine } from '../../support/bot-conversation.js';
import { ConversationState } from '../../support/contact.entity.js';
import { jsonColumn } from '../../support/message-details.js';
import { type BotMenu, menuIn, menuText } from '../bot.menu.js';
import { menuPayload } from '../cloud-api.payloads.js';
import { enqueueOutbound } from '../outbox.service.js';
import type { InboundTurn } from './inbound.turn.js';

/** `menu` is the menu as the person saw it; `hasOpenTicket` keeps the menu from interrupting a conversation with agents. */
export async function chooseLanguage(
  { em, events, contact }: InboundTurn,
  menu: BotMenu,
  language: BotLanguageCode,
  hasOpenTicket: boolean,
): Promise<'language-chosen'> {
  contact.language = language;
  if (!hasOpenTicket) {
    const spoken = menuIn(menu, textsOf(await loadBotMessages(em), language, { greeting: menu.greeting }));
    contact.conversationState = ConversationState.MENU;
    enqueueOutbound(em, contact.phoneNumber, menuPayload(contact.phoneNumber, spoken));
    contact.botConversation = appendBotLines(jsonColumn<StoredBotLine[]>(contact.botConversation), [
      { from: BotLineSender.PERSON, text: language },
      { from: BotLineSender.BOT, text: menuText(spoken) },
    ]);
  }
  await em.flush();
  await events.emit({ type: 'ContactUpdated', phoneNumber: contact.phoneNumber });
  return 'language-chosen';
}
