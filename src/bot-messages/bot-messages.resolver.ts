// The bot's texts per language over GraphQL: agents read them, admins change them.
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf } from '../auth/auth.service.js';
import { assertAdminSession } from '../auth/caller.js';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import type { BotMessagesSettings } from './bot-messages.entity.js';
import {
  builtInText,
  type ConfiguredEnglish,
  loadBotMessages,
  setBotMessages,
  textsOf,
} from './bot-messages.service.js';
import { BOT_LANGUAGES, BOT_TEXT_KEYS, BOT_TEXT_SPECS } from './bot-messages.texts.js';
import { BotMessages, BotMessagesInput } from './bot-messages.types.js';

function shapeOf(settings: BotMessagesSettings, configured: ConfiguredEnglish): BotMessages {
  return {
    defaultLanguage: settings.defaultLanguage,
    languages: BOT_LANGUAGES.map(({ code, name }) => {
      const texts = textsOf(settings, code, configured);
      return {
        code,
        name,
        messages: BOT_TEXT_KEYS.map((key) => ({
          key,
          text: texts[key],
          defaultText: builtInText(code, key, configured),
          overridden: settings.overrides[code]?.[key] !== undefined,
          maxLength: BOT_TEXT_SPECS[key].maxLength,
          placeholders: [...BOT_TEXT_SPECS[key].placeholders],
          description: BOT_TEXT_SPECS[key].description,
        })),
      };
    }),
  };
}

@Resolver()
export class BotMessagesResolver {
  @Query(() => BotMessages, {
    description:
      'What the bot says to people (greeting, menu, confirmation, closing, survey, after-hours), per language.',
  })
  async botMessages(@Ctx() ctx: GraphqlContext): Promise<BotMessages> {
    return shapeOf(await loadBotMessages(ctx.em), { greeting: ctx.app.menu.greeting });
  }

  @Mutation(() => BotMessages, {
    description:
      'Admins only (signed in). Sets the bot’s default language and any of its texts per language (blank restores the built-in text). Unknown languages or keys, texts over WhatsApp’s limits and texts missing a placeholder are refused with BAD_USER_INPUT and nothing changes. Audited (bot.messages).',
  })
  async setBotMessages(
    @Arg('input', () => BotMessagesInput, { description: 'The default language and the texts to change.' })
    input: BotMessagesInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<BotMessages> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return shapeOf(await setBotMessages(ctx.support, actorOf(caller), input), { greeting: ctx.app.menu.greeting });
  }
}
