// Which words the bot sends a person: their language when an agent set one the bot speaks, else the desk's default;
// an admin's text for that language, else the built-in one. Admins change the settings here (audited).
import type { EntityManager } from '@mikro-orm/core';
import { recordAudit } from '../audit/audit.service.js';
import { badInput } from '../errors.js';
import { Contact } from '../support/contact.entity.js';
import { inTransaction, type Actor, type SupportContext } from '../support/support.context.js';
import { BOT_MESSAGES_ID, BotMessagesSettings, type BotTextOverrides } from './bot-messages.entity.js';
import {
  BOT_TEXT_KEYS,
  BOT_TEXT_SPECS,
  type BotLanguageCode,
  type BotTextKey,
  type BotTexts,
  BUILT_IN_TEXTS,
  isBotLanguage,
  isBotTextKey,
  placeholdersIn,
} from './bot-messages.texts.js';

/**
 * Built-in English texts that the server's configuration replaces (BOT_GREETING, kept for compatibility): an
 * admin's English text still wins over them.
 */
export type ConfiguredEnglish = Partial<BotTexts>;

export async function loadBotMessages(em: EntityManager): Promise<BotMessagesSettings> {
  return (await em.findOne(BotMessagesSettings, BOT_MESSAGES_ID)) ?? new BotMessagesSettings();
}

/** The text the bot uses for a key when no admin overrides it. */
export function builtInText(language: BotLanguageCode, key: BotTextKey, configured: ConfiguredEnglish = {}): string {
  return (language === 'en' ? configured[key] : undefined) ?? BUILT_IN_TEXTS[language][key];
}

export function textsOf(
  settings: BotMessagesSettings,
  language: BotLanguageCode,
  configured: ConfiguredEnglish = {},
): BotTexts {
  const overrides = settings.overrides[language] ?? {};
  return Object.fromEntries(
    BOT_TEXT_KEYS.map((key) => [key, overrides[key] ?? builtInText(language, key, configured)]),
  ) as BotTexts;
}

/** The person's language if the bot speaks it, else the desk's default. */
export function languageFor(settings: BotMessagesSettings, personLanguage: string | null | undefined): BotLanguageCode {
  if (personLanguage && isBotLanguage(personLanguage)) return personLanguage;
  return isBotLanguage(settings.defaultLanguage) ? settings.defaultLanguage : 'en';
}

/** The texts for the person with this number (or business-scoped id), in their language. */
export async function botTextsFor(
  em: EntityManager,
  person: Contact | string,
  configured: ConfiguredEnglish = {},
): Promise<BotTexts> {
  const settings = await loadBotMessages(em);
  const contact =
    typeof person === 'string' ? await em.findOne(Contact, { phoneNumber: person }, { fields: ['language'] }) : person;
  return textsOf(settings, languageFor(settings, contact?.language), configured);
}

export interface BotMessagesChanges {
  defaultLanguage?: string | null;
  /** null or blank text: back to the built-in text. */
  messages?: { language: string; key: string; text?: string | null }[] | null;
}

export function checkLanguage(code: string, what = 'language'): BotLanguageCode {
  if (!isBotLanguage(code))
    throw badInput(`"${code}" is not a ${what} the bot speaks; use one of: en (English), es (Spanish)`);
  return code;
}

function checkText(language: string, key: BotTextKey, raw: string): string {
  const spec = BOT_TEXT_SPECS[key];
  const text = raw.trim();
  const length = [...text].length;
  if (length > spec.maxLength)
    throw badInput(
      `The ${language} ${key} text is at most ${spec.maxLength} characters (WhatsApp's limit), got ${length}`,
    );
  const used = placeholdersIn(text);
  const unknown = used.filter((name) => !(spec.placeholders as readonly string[]).includes(name));
  if (unknown.length > 0) throw badInput(`The ${language} ${key} text has an unknown placeholder {{${unknown[0]}}}`);
  const missing = spec.placeholders.filter((name) => !used.includes(name));
  if (missing.length > 0) throw badInput(`The ${language} ${key} text must keep the placeholder {{${missing[0]}}}`);
  return text;
}

/** Checks every change before anything is stored; returns the new default and overrides. */
function validateChanges(
  settings: BotMessagesSettings,
  changes: BotMessagesChanges,
): { defaultLanguage: BotLanguageCode; overrides: BotTextOverrides } {
  const defaultLanguage =
    changes.defaultLanguage == null
      ? languageFor(settings, null)
      : checkLanguage(changes.defaultLanguage.trim(), 'default language');
  const overrides: BotTextOverrides = structuredClone(settings.overrides);
  for (const change of changes.messages ?? []) {
    const language = checkLanguage(change.language.trim());
    if (!isBotTextKey(change.key))
      throw badInput(`"${change.key}" is not one of the bot's texts: ${BOT_TEXT_KEYS.join(', ')}`);
    const texts = { ...overrides[language] };
    const blank = change.text == null || change.text.trim() === '';
    if (blank) delete texts[change.key];
    else texts[change.key] = checkText(language, change.key, change.text!);
    overrides[language] = texts;
  }
  return { defaultLanguage, overrides };
}

async function settingsForChange(em: EntityManager): Promise<BotMessagesSettings> {
  const found = await em.findOne(BotMessagesSettings, BOT_MESSAGES_ID, { refresh: true });
  if (found) return found;
  const created = em.create(BotMessagesSettings, { id: BOT_MESSAGES_ID });
  await em.flush();
  return created;
}

/** Sets the default language and any texts (a blank text restores the built-in one); audited as bot.messages. */
export function setBotMessages(
  ctx: SupportContext,
  actor: Actor,
  changes: BotMessagesChanges,
): Promise<BotMessagesSettings> {
  if (changes.defaultLanguage == null && (changes.messages ?? []).length === 0)
    throw badInput('Nothing to change: give defaultLanguage or messages');
  return inTransaction(ctx, async (em) => {
    const settings = await settingsForChange(em);
    const valid = validateChanges(settings, changes);
    const before = { defaultLanguage: settings.defaultLanguage, overrides: settings.overrides };
    settings.defaultLanguage = valid.defaultLanguage;
    settings.overrides = valid.overrides;
    settings.updatedAt = new Date();
    await em.flush();
    recordAudit(em, actor, 'bot.messages', null, before, {
      defaultLanguage: settings.defaultLanguage,
      overrides: settings.overrides,
    });
    return settings;
  });
}
