// GraphQL shapes of the bot's language settings: each language's texts, as used and as built in.
import { Field, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'One of the bot’s texts in one language.' })
export class BotMessage {
  @Field(() => String, {
    description:
      'Which text: greeting, menuButton, chatSupportTitle, chatSupportDescription, chatSupportPrompt, ticketOpened, tooManyTickets, closing, survey, surveyGood, surveyOkay, surveyBad, askForComment, thanksForComment, afterHours, afterHoursNoOpening.',
  })
  key!: string;

  @Field(() => String, { description: 'What the bot sends: the admin’s text, else the built-in one.' })
  text!: string;

  @Field(() => String, {
    description: 'The built-in text (for English, BOT_GREETING from the server’s environment when it is set).',
  })
  defaultText!: string;

  @Field(() => Boolean, { description: 'Whether an admin wrote this text.' })
  overridden!: boolean;

  @Field(() => Int, { description: 'The most characters WhatsApp takes for it.' })
  maxLength!: number;

  @Field(() => [String], { description: 'Placeholders the text must keep, written {{name}}, e.g. ticketNumber.' })
  placeholders!: string[];

  @Field(() => String, { description: 'When the bot sends it.' })
  description!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The bot’s texts in one language it speaks.' })
export class BotLanguage {
  @Field(() => String, { description: 'ISO 639-1 code: en, es.' })
  code!: string;

  @Field(() => String, { description: 'The language’s own name (English, Español).' })
  name!: string;

  @Field(() => [BotMessage], { description: 'Every text the bot sends in this language.' })
  messages!: BotMessage[];
}

@ObjectType({
  simpleResolvers: true,
  description:
    'What the bot says to people, per language. A person gets their contact’s language when it is set, else the default.',
})
export class BotMessages {
  @Field(() => String, { description: 'The language for people whose language is not set: en or es.' })
  defaultLanguage!: string;

  @Field(() => [BotLanguage], { description: 'The languages the bot speaks, each with its texts.' })
  languages!: BotLanguage[];
}

@InputType({ description: 'One text to set in one language.' })
export class BotMessageInput {
  @Field(() => String, { description: 'en or es; other codes are refused with BAD_USER_INPUT.' })
  language!: string;

  @Field(() => String, { description: 'Which text (see BotMessage.key).' })
  key!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The new text, within the text’s maxLength and keeping its placeholders; null or blank restores the built-in text.',
  })
  text?: string | null;
}

@InputType({ description: 'Changes to the bot’s texts; what is left out stays as it is. Checked whole first.' })
export class BotMessagesInput {
  @Field(() => String, { nullable: true, description: 'The new default language: en or es.' })
  defaultLanguage?: string | null;

  @Field(() => [BotMessageInput], {
    nullable: true,
    description: 'The texts to set; left out, none change. Blank restores the built-in text.',
  })
  messages?: BotMessageInput[] | null;
}
