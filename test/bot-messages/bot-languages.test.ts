// The bot speaks the person's language: the contact's language when an agent set one the bot speaks, else the
// desk's default; an admin's text wins over the built-in one; bad settings are refused and change nothing.
import { describe, expect, it } from 'vitest';
import type { CloudApiStandIn } from '../helpers/cloud-api-stand-in.js';
import {
  databases,
  inboundMessage,
  inboundText,
  postWebhook,
  uniquePhone,
  useServerWithCloudApi,
  type TestServer,
} from '../helpers/harness.js';

const SET_LANGUAGE = `mutation($phone: String!, $language: String) {
  updateContact(phoneNumber: $phone, input: { language: $language }) { language }
}`;
const SET_MESSAGES = `mutation($input: BotMessagesInput!) {
  setBotMessages(input: $input) { defaultLanguage languages { code messages { key text overridden } } }
}`;
const MESSAGES = '{ botMessages { defaultLanguage languages { code messages { key text defaultText overridden } } } }';
const OPEN_TICKET_OF =
  'query($phone: String!) { tickets(first: 1, filter: { phoneNumber: $phone, status: [OPEN] }) { edges { node { id } } } }';
const CLOSE = 'mutation($id: ID!) { closeTicket(ticketId: $id) { status } }';
const DEFAULT_CLOSING = 'query($id: ID) { defaultClosingMessage(ticketId: $id) }';

/** What the person received, as text: a text's body, an interactive message's body and its buttons' titles. */
const received = (standIn: CloudApiStandIn, phone: string) =>
  standIn.messagesTo(phone).map((request) => {
    const { text, interactive } = request.body;
    if (text) return text.body as string;
    const buttons = interactive.action.buttons?.map((button: { reply: { title: string } }) => button.reply.title);
    return [interactive.body.text, ...(buttons ?? [interactive.action.button])].join(' | ');
  });

async function say(server: TestServer, phone: string, text: string) {
  expect((await postWebhook(server, inboundText(phone, text).body)).status).toBe(200);
}

/**
 * The person says hi (the menu), the agent sets their language (when given), then they choose Chat Support and
 * describe the issue; the agent resolves the ticket with the default closing message. Returns all they received.
 */
async function wholeConversation(server: TestServer, standIn: CloudApiStandIn, language: string | null) {
  const phone = uniquePhone();
  await say(server, phone, 'hi');
  await standIn.waitFor(() => standIn.messagesTo(phone).length === 1);
  if (language) await server.ok(SET_LANGUAGE, { phone, language });
  await say(server, phone, '1');
  await say(server, phone, 'my exam results are missing');
  await standIn.waitFor(() => standIn.messagesTo(phone).length === 3);
  const { tickets } = await server.ok(OPEN_TICKET_OF, { phone });
  const id = tickets.edges[0].node.id as string;
  const { defaultClosingMessage } = await server.ok(DEFAULT_CLOSING, { id });
  await server.ok(CLOSE, { id });
  await standIn.waitFor(() => standIn.messagesTo(phone).length === 5);
  return { id, phone, sent: received(standIn, phone), defaultClosingMessage };
}

describe.each(databases)('the bot’s languages on %s', (kind) => {
  const world = useServerWithCloudApi(kind, { CSAT_SURVEY: 'on', REOPEN_WITHIN_HOURS: '0' });

  it('a contact set to Spanish gets the prompt, the confirmation, the closing message and the survey in Spanish', async () => {
    const { server, standIn } = world;
    const { id, sent, defaultClosingMessage } = await wholeConversation(server, standIn, 'es');
    expect(sent.slice(1)).toEqual([
      '📞 Soporte por chat. Ya puedes escribir a nuestro equipo de soporte. Cuéntanos qué ocurre.',
      `✅ ¡Gracias! Tu solicitud de soporte #${id} está abierta. Un agente te responderá por aquí lo antes posible.`,
      '✅ ¡Tu solicitud de soporte está resuelta!',
      `¿Qué tal te atendimos en tu solicitud de soporte #${id}? Toca una opción para contárnoslo. | 😊 Bien | 😐 Regular | 😞 Mal`,
    ]);
    expect(defaultClosingMessage).toBe('✅ ¡Tu solicitud de soporte está resuelta!');
  });

  it('the menu itself speaks Spanish once the contact is Spanish', async () => {
    const { server, standIn } = world;
    const phone = uniquePhone();
    await say(server, phone, 'hi');
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 1);
    await server.ok(SET_LANGUAGE, { phone, language: 'es' });
    await say(server, phone, 'menu');
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 2);
    const menu = standIn.messagesTo(phone)[1]!.body.interactive;
    expect(menu.body.text).toMatch(/^👋 ¡Hola! ¿En qué podemos ayudarte hoy\?/);
    expect(menu.body.text).toContain('1. 💬 Hablar con soporte');
    expect(menu.action.button).toBe('Menú');
    expect(menu.action.sections[0].rows[0]).toMatchObject({ id: 'chat_support', title: '💬 Hablar con soporte' });
  });

  it('the person chooses Español from 🌐 Language / Idioma in the menu; the bot speaks Spanish from then on', async () => {
    const { server, standIn } = world;
    const phone = uniquePhone();
    const tap = async (id: string, title: string, via: 'list_reply' | 'button_reply') =>
      expect(
        (
          await postWebhook(
            server,
            inboundMessage(phone, { type: 'interactive', interactive: { type: via, [via]: { id, title } } }).body,
          )
        ).status,
      ).toBe(200);
    await say(server, phone, 'hi');
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 1);
    const rows = standIn.messagesTo(phone)[0]!.body.interactive.action.sections[0].rows;
    expect(rows.at(-1)).toMatchObject({ id: 'language', title: '🌐 Language / Idioma' });
    await tap('language', '🌐 Language / Idioma', 'list_reply');
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 2);
    expect(received(standIn, phone)[1]).toBe('🌐 Choose your language · Elige tu idioma | English | Español');
    await tap('lang:es', 'Español', 'button_reply');
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 3);
    expect(standIn.messagesTo(phone)[2]!.body.interactive.action.button).toBe('Menú');
    const { contact } = await server.ok('query($phone: String!) { contact(phoneNumber: $phone) { language } }', {
      phone,
    });
    expect(contact.language).toBe('es');
    await say(server, phone, '1');
    await say(server, phone, 'no puedo entrar');
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 5);
    expect(received(standIn, phone)[4]).toMatch(/^✅ ¡Gracias! Tu solicitud de soporte #\d+ está abierta\./);
  });

  it('a contact with no language gets the desk’s default, English', async () => {
    const { server, standIn } = world;
    const { id, sent } = await wholeConversation(server, standIn, null);
    expect(sent.slice(2)).toEqual([
      `✅ Thank you! Your support ticket #${id} is open. An agent will answer you here as soon as possible.`,
      '✅ Your support ticket has been resolved!',
      `How did we do with your support ticket #${id}? Tap one to let us know. | 😊 Good | 😐 Okay | 😞 Bad`,
    ]);
  });

  it('a language the bot does not speak is BAD_USER_INPUT, and the contact keeps theirs', async () => {
    const { server, standIn } = world;
    const phone = uniquePhone();
    await say(server, phone, 'hi');
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 1);
    await server.ok(SET_LANGUAGE, { phone, language: 'es' });
    const answer = await server.gql(SET_LANGUAGE, { phone, language: 'fr' }, server.adminToken);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const { contact } = await server.ok('query($phone: String!) { contact(phoneNumber: $phone) { language } }', {
      phone,
    });
    expect(contact.language).toBe('es');
  });

  it('bad settings are refused with BAD_USER_INPUT and nothing changes', async () => {
    const { server } = world;
    const before = await server.ok(MESSAGES);
    const refused = [
      { defaultLanguage: 'fr' },
      { messages: [{ language: 'de', key: 'closing', text: 'Erledigt' }] },
      { messages: [{ language: 'es', key: 'farewell', text: 'Adiós' }] },
      { messages: [{ language: 'es', key: 'ticketOpened', text: 'Tu solicitud está abierta.' }] },
      { messages: [{ language: 'en', key: 'survey', text: 'Rate #{{ticketNumber}} {{agentName}}' }] },
      { messages: [{ language: 'en', key: 'surveyGood', text: '😊 Very good indeed, thanks' }] },
      { messages: [{ language: 'en', key: 'closing', text: 'x'.repeat(4097) }] },
      // One good change and one bad: the good one is not kept either.
      {
        defaultLanguage: 'es',
        messages: [
          { language: 'en', key: 'closing', text: 'Done!' },
          { language: 'xx', key: 'closing', text: 'Done!' },
        ],
      },
    ];
    for (const input of refused) {
      const answer = await server.gql(SET_MESSAGES, { input }, server.adminToken);
      expect(answer.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
    expect(await server.ok(MESSAGES)).toEqual(before);
  });

  it('an admin’s text and default language are what the bot sends; a blank text restores the built-in one', async () => {
    const { server, standIn } = world;
    const set = await server.ok(SET_MESSAGES, {
      input: {
        defaultLanguage: 'es',
        messages: [{ language: 'es', key: 'ticketOpened', text: 'Listo: solicitud #{{ticketNumber}} abierta.' }],
      },
    });
    expect(set.setBotMessages.defaultLanguage).toBe('es');
    const unknown = await wholeConversation(server, standIn, null);
    expect(unknown.sent[2]).toBe(`Listo: solicitud #${unknown.id} abierta.`);
    expect(unknown.sent[3]).toBe('✅ ¡Tu solicitud de soporte está resuelta!');
    const english = await wholeConversation(server, standIn, 'en');
    expect(english.sent[3]).toBe('✅ Your support ticket has been resolved!');

    await server.ok(SET_MESSAGES, {
      input: { defaultLanguage: 'en', messages: [{ language: 'es', key: 'ticketOpened', text: null }] },
    });
    const { botMessages } = await server.ok(MESSAGES);
    const spanish = botMessages.languages.find((language: { code: string }) => language.code === 'es');
    const ticketOpened = spanish.messages.find((message: { key: string }) => message.key === 'ticketOpened');
    expect(ticketOpened).toMatchObject({ overridden: false, text: ticketOpened.defaultText });
  });
});
