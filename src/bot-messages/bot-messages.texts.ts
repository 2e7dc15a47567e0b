// The bot's words to people, per language: which texts there are, their WhatsApp limits and placeholders, and the
// built-in English and Spanish that a desk uses until an admin overrides a text.

/** The languages the bot speaks (ISO 639-1), in the order the settings show them. */
export const BOT_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
] as const;

export type BotLanguageCode = (typeof BOT_LANGUAGES)[number]['code'];

export const isBotLanguage = (code: string): code is BotLanguageCode =>
  BOT_LANGUAGES.some((language) => language.code === code);

/** WhatsApp's limits: a text message's body, an interactive message's body, a list button, a row, a reply button. */
const TEXT = 4096;
const INTERACTIVE_BODY = 1024;

export interface BotTextSpec {
  /** Characters (code points) WhatsApp takes for it. */
  maxLength: number;
  /** Placeholders that must stay in the text, such as {{ticketNumber}}. */
  placeholders: readonly string[];
  description: string;
}

export const BOT_TEXT_SPECS = {
  greeting: {
    maxLength: INTERACTIVE_BODY - 300,
    placeholders: [],
    description: 'Opens the menu; the numbered items follow it (the body of a WhatsApp list, 1,024 in all).',
  },
  menuButton: { maxLength: 20, placeholders: [], description: 'The button that opens the menu list.' },
  chatSupportTitle: { maxLength: 24, placeholders: [], description: 'The Chat Support row of the menu.' },
  chatSupportDescription: { maxLength: 72, placeholders: [], description: 'The line under the Chat Support row.' },
  chatSupportPrompt: {
    maxLength: TEXT,
    placeholders: [],
    description: 'After Chat Support is chosen: asks the person to describe their issue.',
  },
  ticketOpened: {
    maxLength: TEXT,
    placeholders: ['ticketNumber'],
    description: 'The confirmation once their ticket is open.',
  },
  tooManyTickets: {
    maxLength: TEXT,
    placeholders: [],
    description: 'When they opened too many tickets in the last hour.',
  },
  closing: {
    maxLength: TEXT,
    placeholders: [],
    description: 'The closing message when an agent resolves the ticket without writing one.',
  },
  survey: {
    maxLength: INTERACTIVE_BODY,
    placeholders: ['ticketNumber'],
    description: 'The satisfaction survey after a resolution (the body above its three buttons).',
  },
  surveyGood: { maxLength: 20, placeholders: [], description: 'The survey’s good button.' },
  surveyOkay: { maxLength: 20, placeholders: [], description: 'The survey’s middling button.' },
  surveyBad: { maxLength: 20, placeholders: [], description: 'The survey’s bad button.' },
  askForComment: { maxLength: TEXT, placeholders: [], description: 'After a rating: invites a comment.' },
  thanksForComment: { maxLength: TEXT, placeholders: [], description: 'After the comment.' },
  afterHours: {
    maxLength: TEXT,
    placeholders: ['opening'],
    description:
      'Outside business hours: {{opening}} is when agents are back (e.g. “Monday at 09:00 (Europe/London)”).',
  },
  afterHoursNoOpening: {
    maxLength: TEXT,
    placeholders: [],
    description: 'Outside business hours when the desk does not open within a year.',
  },
} as const satisfies Record<string, BotTextSpec>;

export type BotTextKey = keyof typeof BOT_TEXT_SPECS;
export type BotTexts = Record<BotTextKey, string>;

export const BOT_TEXT_KEYS = Object.keys(BOT_TEXT_SPECS) as BotTextKey[];

export const isBotTextKey = (key: string): key is BotTextKey => Object.hasOwn(BOT_TEXT_SPECS, key);

const ENGLISH: BotTexts = {
  greeting: '👋 Hello! How can we help you today? Choose an option from the menu, or type its number.',
  menuButton: 'Menu',
  chatSupportTitle: '💬 Chat Support',
  chatSupportDescription: 'Talk to our support team',
  chatSupportPrompt: '📞 Live Chat Support. You can now chat with our support team. Please describe your issue',
  ticketOpened:
    '✅ Thank you! Your support ticket #{{ticketNumber}} is open. An agent will answer you here as soon as possible.',
  tooManyTickets:
    'You have opened several support tickets in the last hour. Please wait a little before opening another one.',
  closing: '✅ Your support ticket has been resolved!',
  survey: 'How did we do with your support ticket #{{ticketNumber}}? Tap one to let us know.',
  surveyGood: '😊 Good',
  surveyOkay: '😐 Okay',
  surveyBad: '😞 Bad',
  askForComment: 'Thank you! Anything you would like to add? Write it here (optional).',
  thanksForComment: 'Thank you for your feedback! 🙏',
  afterHours:
    '🌙 We are closed right now. Our agents are back {{opening}}; your message is saved and they will answer you then.',
  afterHoursNoOpening:
    '🌙 Our agents are away right now; your message is saved and they will answer you as soon as they are back.',
};

const SPANISH: BotTexts = {
  greeting: '👋 ¡Hola! ¿En qué podemos ayudarte hoy? Elige una opción del menú o escribe su número.',
  menuButton: 'Menú',
  chatSupportTitle: '💬 Hablar con soporte',
  chatSupportDescription: 'Habla con nuestro equipo de soporte',
  chatSupportPrompt: '📞 Soporte por chat. Ya puedes escribir a nuestro equipo de soporte. Cuéntanos qué ocurre.',
  ticketOpened:
    '✅ ¡Gracias! Tu solicitud de soporte #{{ticketNumber}} está abierta. Un agente te responderá por aquí lo antes posible.',
  tooManyTickets:
    'Has abierto varias solicitudes de soporte en la última hora. Espera un poco antes de abrir otra, por favor.',
  closing: '✅ ¡Tu solicitud de soporte está resuelta!',
  survey: '¿Qué tal te atendimos en tu solicitud de soporte #{{ticketNumber}}? Toca una opción para contárnoslo.',
  surveyGood: '😊 Bien',
  surveyOkay: '😐 Regular',
  surveyBad: '😞 Mal',
  askForComment: '¡Gracias! ¿Quieres añadir algo más? Escríbelo aquí (opcional).',
  thanksForComment: '¡Gracias por tu opinión! 🙏',
  afterHours:
    '🌙 Ahora mismo estamos cerrados. Nuestros agentes vuelven {{opening}}; tu mensaje está guardado y te responderán entonces.',
  afterHoursNoOpening:
    '🌙 Nuestros agentes no están disponibles ahora; tu mensaje está guardado y te responderán en cuanto vuelvan.',
};

export const BUILT_IN_TEXTS: Record<BotLanguageCode, BotTexts> = { en: ENGLISH, es: SPANISH };

/** What the bot asks when the person chooses 🌐 Language / Idioma: in every language it speaks. */
export const LANGUAGE_PROMPT = '🌐 Choose your language · Elige tu idioma';

/** A language button's id: `lang:es`. */
export const languageChoiceId = (code: BotLanguageCode) => `lang:${code}`;

export function parseLanguageChoice(choiceId: string): BotLanguageCode | null {
  const code = /^lang:([a-z]{2})$/.exec(choiceId)?.[1];
  return code && isBotLanguage(code) ? code : null;
}

/** Fills {{name}} placeholders; an unknown one stays as written. */
export function fillPlaceholders(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/** The placeholders a text uses, in order of appearance. */
export const placeholdersIn = (text: string): string[] =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!);
