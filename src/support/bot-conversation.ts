// The conversation a person has with the bot before a ticket opens (their "hi", the menu, the tap on Chat
// Support): kept on their contact while it goes on, and handed to the ticket it leads to, for agents to read.
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum BotLineSender {
  PERSON = 'PERSON',
  BOT = 'BOT',
}
registerEnumType(BotLineSender, {
  name: 'BotLineSender',
  description: 'Who wrote a line of the conversation with the bot: the person, or the bot.',
  valuesConfig: {
    PERSON: { description: 'The person on WhatsApp wrote or tapped it.' },
    BOT: { description: 'The bot answered it.' },
  },
});

/** A line as stored in the JSON columns (`at` as an ISO string). */
export interface StoredBotLine {
  from: BotLineSender;
  text: string;
  at: string;
}

@ObjectType({
  description:
    'One line of the conversation a person had with the WhatsApp bot before their ticket opened: what they wrote or ' +
    'tapped, or what the bot answered. Not a message of the thread: never counted, never unread, never sent again.',
})
export class BotConversationLine {
  @Field(() => BotLineSender, { description: 'PERSON for what the person wrote or tapped, BOT for the bot.' })
  from!: BotLineSender;

  @Field(() => String, {
    description: "The text as the person saw it: what they typed, the title of what they tapped, the bot's answer.",
  })
  text!: string;

  @Field(() => Date, { description: 'When it was written (the bot’s lines: when they were queued to be sent).' })
  at!: Date;
}

/** Lines older than this when a ticket opens are not what led to it. */
const KEPT_MS = 24 * 3600_000;
/** At most this many lines are kept: a person who chats with the bot all day does not grow a row without end. */
const KEPT_LINES = 20;

/** The lines so far with new ones after them, the oldest dropped past the bounds. */
export function appendBotLines(
  lines: StoredBotLine[] | null,
  added: { from: BotLineSender; text: string }[],
  now = new Date(),
): StoredBotLine[] {
  const since = now.getTime() - KEPT_MS;
  const kept = (lines ?? []).filter((line) => Date.parse(line.at) >= since);
  const fresh = added.filter((line) => line.text.trim()).map((line) => ({ ...line, at: now.toISOString() }));
  return [...kept, ...fresh].slice(-KEPT_LINES);
}

export function readBotLines(stored: StoredBotLine[] | null): BotConversationLine[] {
  return (stored ?? []).map((line) => Object.assign(new BotConversationLine(), { ...line, at: new Date(line.at) }));
}
