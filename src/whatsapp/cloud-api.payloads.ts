// Every JSON body the desk sends to the Cloud API, in one place: what a person receives (text, template, media,
// the bot's menu, the satisfaction survey) and what they only see as ticks (read receipts, typing).
import { MediaKind, type MediaFile } from '../media/media.entity.js';
import type { TemplateSend } from '../support/support.context.js';
import { isBusinessScopedUserId } from '../support/support.validation.js';
import { type BotMenu, menuText } from './bot.menu.js';
import {
  BOT_LANGUAGES,
  type BotTexts,
  fillPlaceholders,
  LANGUAGE_PROMPT,
  languageChoiceId,
} from '../bot-messages/bot-messages.texts.js';
import { SURVEY_BUTTONS, surveyChoiceId } from './satisfaction.survey.js';

/**
 * How a send names the person it goes to. A number goes in `to`; a business-scoped user id (a person who shares
 * no number) goes in `recipient`, which the Cloud API takes for such ids (`to` wins when both are given).
 */
export function addressedTo(to: string) {
  const address = isBusinessScopedUserId(to) ? { recipient: to } : { to };
  return { messaging_product: 'whatsapp', recipient_type: 'individual', ...address };
}

export interface ListRow {
  id: string;
  title: string;
  description?: string;
}

export const textPayload = (to: string, body: string) => ({
  ...addressedTo(to),
  type: 'text',
  text: { preview_url: false, body },
});

/** An approved template with its body parameters, as text. */
export function templatePayload(to: string, template: TemplateSend) {
  const components =
    template.parameters.length === 0
      ? []
      : [{ type: 'body', parameters: template.parameters.map((text) => ({ type: 'text', text })) }];
  return {
    ...addressedTo(to),
    type: 'template',
    template: { name: template.name, language: { code: template.languageCode }, components },
  };
}

export function listPayload(to: string, body: string, button: string, sectionTitle: string, rows: ListRow[]) {
  return {
    ...addressedTo(to),
    type: 'interactive',
    interactive: { type: 'list', body: { text: body }, action: { button, sections: [{ title: sectionTitle, rows }] } },
  };
}

/** The bot's menu as a list; its text also numbers the items, for people who type rather than tap. */
export function menuPayload(to: string, menu: BotMenu) {
  const rows = menu.items.map((entry) => ({ id: entry.id, title: entry.title, description: entry.description }));
  return listPayload(to, menuText(menu), menu.button, 'Options', rows);
}

/** The choice of the bot's language: one reply button per language it speaks, named in that language. */
export function languagePayload(to: string) {
  return {
    ...addressedTo(to),
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: LANGUAGE_PROMPT },
      action: {
        buttons: BOT_LANGUAGES.map((language) => ({
          type: 'reply',
          reply: { id: languageChoiceId(language.code), title: language.name },
        })),
      },
    },
  };
}

/** The satisfaction survey: reply buttons whose ids carry the ticket, so a tap on an old survey rates that ticket. */
export function surveyPayload(to: string, ticketId: number, texts: BotTexts) {
  return {
    ...addressedTo(to),
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: fillPlaceholders(texts.survey, { ticketNumber: ticketId }) },
      action: {
        buttons: SURVEY_BUTTONS.map((button) => ({
          type: 'reply',
          reply: { id: surveyChoiceId(ticketId, button.key), title: texts[button.textKey] },
        })),
      },
    },
  };
}

/** A media message without its media id: the dispatcher uploads the file and fills the id in (see sendWithMedia). */
export function mediaPayload(to: string, file: MediaFile, caption: string | null) {
  const type = file.kind.toLowerCase();
  const media: Record<string, unknown> = {};
  if (caption && file.kind !== MediaKind.AUDIO) media.caption = caption;
  if (file.kind === MediaKind.DOCUMENT && file.filename) media.filename = file.filename;
  return { ...addressedTo(to), type, [type]: media };
}

/** Marks the person's message read: they see the blue ticks, so they know someone is looking. */
export const readReceiptPayload = (whatsappMessageId: string) => ({
  messaging_product: 'whatsapp',
  status: 'read',
  message_id: whatsappMessageId,
});

/** A read receipt that also shows "typing…" to the person, for up to 25 s or until our reply arrives. */
export const typingIndicatorPayload = (whatsappMessageId: string) => ({
  ...readReceiptPayload(whatsappMessageId),
  typing_indicator: { type: 'text' },
});
