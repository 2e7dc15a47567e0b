// The bot's language settings, set by admins: the default language and the texts they override. One row (id 1).
import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { BotTextKey } from './bot-messages.texts.js';

/** Per language code, the texts an admin wrote; a text not here is the built-in one. */
export type BotTextOverrides = Record<string, Partial<Record<BotTextKey, string>>>;

export const BOT_MESSAGES_ID = 1;

@Entity({ tableName: 'bot_messages' })
export class BotMessagesSettings {
  [OptionalProps]?: 'defaultLanguage' | 'overrides' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number = BOT_MESSAGES_ID;

  /** The language the bot speaks to a person whose language is not known (or not offered). */
  @Property({ type: 'string', length: 8 })
  defaultLanguage: string = 'en';

  @Property({ type: 'json' })
  overrides: BotTextOverrides = {};

  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;
}
