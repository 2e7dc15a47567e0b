// The bot's menu: configurable items, with Chat Support built in, checked against WhatsApp's list limits.
import { readFileSync } from 'node:fs';
import type { BotTexts } from '../bot-messages/bot-messages.texts.js';
import { ConfigError } from '../config.js';

export interface MenuItem {
  id: string;
  title: string;
  description: string;
  /** What the bot answers when the item is chosen. Chat Support has none: it opens the support flow. */
  answer: string | null;
}

export const CHAT_SUPPORT_ID = 'chat_support';
export const CHAT_SUPPORT_PROMPT =
  '📞 Live Chat Support. You can now chat with our support team. Please describe your issue';

export const CHAT_SUPPORT: MenuItem = {
  id: CHAT_SUPPORT_ID,
  title: '💬 Chat Support',
  description: 'Talk to our support team',
  answer: null,
};

export const LANGUAGE_ID = 'language';

/** Lets the person choose the bot's language; in both languages, since it is how someone who reads neither default finds theirs. */
export const LANGUAGE_ITEM: MenuItem = {
  id: LANGUAGE_ID,
  title: '🌐 Language / Idioma',
  description: 'English · Español',
  answer: null,
};

export interface BotMenu {
  greeting: string;
  button: string;
  items: MenuItem[];
}

const DEFAULT_ITEMS: MenuItem[] = [
  {
    id: 'opening_hours',
    title: '🕒 Opening hours',
    description: 'When the office is open',
    answer: 'Our office is open Monday to Friday, 9:00 to 17:00.',
  },
];

export const LIMITS = { title: 24, description: 72, button: 20, rows: 10, id: 200 };

function checkItem(item: unknown, index: number): MenuItem {
  const where = `BOT_MENU_FILE item ${index + 1}`;
  if (typeof item !== 'object' || item === null) throw new ConfigError(`${where} is not an object`);
  const { id, title, description = '', answer } = item as Record<string, unknown>;
  if (typeof id !== 'string' || !id || id.length > LIMITS.id)
    throw new ConfigError(`${where} needs an id of 1 to ${LIMITS.id} characters`);
  if (typeof title !== 'string' || !title || [...title].length > LIMITS.title)
    throw new ConfigError(`${where} needs a title of 1 to ${LIMITS.title} characters`);
  if (typeof description !== 'string' || [...description].length > LIMITS.description)
    throw new ConfigError(`${where}: description is at most ${LIMITS.description} characters`);
  if (typeof answer !== 'string' || !answer) throw new ConfigError(`${where} needs an answer`);
  if (id === CHAT_SUPPORT_ID || id === LANGUAGE_ID) throw new ConfigError(`${where}: the id "${id}" is built in`);
  return { id, title, description, answer };
}

/** Reads the menu from BOT_MENU_FILE (a JSON array of {id, title, description, answer}), or the default. */
export function loadBotMenu(file: string | null, greeting: string | null): BotMenu {
  let items = DEFAULT_ITEMS;
  if (file) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError(
        `BOT_MENU_FILE ${file} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!Array.isArray(raw)) throw new ConfigError('BOT_MENU_FILE must hold a JSON array of menu items');
    items = raw.map(checkItem);
  }
  if (items.length + 1 > LIMITS.rows)
    throw new ConfigError(
      `BOT_MENU_FILE has ${items.length} items; WhatsApp lists hold ${LIMITS.rows - 1} besides Chat Support`,
    );
  return {
    greeting: greeting ?? '👋 Hello! How can we help you today? Choose an option from the menu, or type its number.',
    button: 'Menu',
    // The language item comes last, and only where WhatsApp's list has room for it (a full BOT_MENU_FILE keeps working).
    items: [CHAT_SUPPORT, ...items, ...(items.length + 2 <= LIMITS.rows ? [LANGUAGE_ITEM] : [])],
  };
}

const plain = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();

/**
 * The menu in the person's language: the greeting, the button and Chat Support from the bot's texts. Items from
 * BOT_MENU_FILE are the same in every language. The greeting's English default is BOT_GREETING (see loadBotMenu).
 */
export function menuIn(menu: BotMenu, texts: BotTexts): BotMenu {
  const chatSupport = { ...CHAT_SUPPORT, title: texts.chatSupportTitle, description: texts.chatSupportDescription };
  return {
    greeting: texts.greeting,
    button: texts.menuButton,
    items: menu.items.map((item) => (item.id === CHAT_SUPPORT_ID ? chatSupport : item)),
  };
}

/** The item a reply picks: a list row's id, or its number or title typed as text. */
export function findMenuItem(menu: BotMenu, reply: { choiceId?: string; text?: string }): MenuItem | null {
  if (reply.choiceId) return menu.items.find((item) => item.id === reply.choiceId) ?? null;
  const typed = plain(reply.text ?? '');
  if (!typed) return null;
  const number = Number(typed);
  if (Number.isInteger(number) && number >= 1 && number <= menu.items.length) return menu.items[number - 1]!;
  return menu.items.find((item) => plain(item.title) === typed || plain(item.id) === typed) ?? null;
}

/** The menu's text body: the greeting and the numbered items, for people who type rather than tap. */
export function menuText(menu: BotMenu): string {
  return [menu.greeting, '', ...menu.items.map((item, index) => `${index + 1}. ${item.title}`)].join('\n');
}
