// Message templates: admins register them; agents send them, also after the 24-hour window, as the Cloud API's
// template message; bad parameters are refused before anything reaches WhatsApp.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { CloudApiStandIn } from '../helpers/cloud-api-stand-in.js';
import {
  createTicket,
  databases,
  eventually,
  uniquePhone,
  useServerWithCloudApi,
  type TestServer,
} from '../helpers/harness.js';
import { dayAndAnHourAgo, openTicketOnWhatsapp } from '../helpers/whatsapp-person.js';

const CREATE =
  'mutation($input: CreateMessageTemplateInput!) { createMessageTemplate(input: $input) { id name languageCode body parameterCount } }';
const DELETE = 'mutation($id: ID!) { deleteMessageTemplate(id: $id) }';
const LIST = '{ messageTemplates { id name languageCode parameterCount } }';
const SEND =
  'mutation($ticketId: ID!, $templateId: ID!, $parameters: [String!]!) { sendTemplate(ticketId: $ticketId, templateId: $templateId, parameters: $parameters) { id body templateName deliveryStatus senderType } }';
const THREAD =
  'query($id: ID!) { ticket(id: $id) { status messages(last: 50) { edges { node { body templateName deliveryStatus } } } } }';

let names = 0;
const freshName = () => `follow_up_${process.pid}_${++names}`;

/** A ticket whose person last wrote 25 hours ago: its reply window has closed. */
async function ticketWithClosedWindow(server: TestServer, standIn: CloudApiStandIn) {
  const phone = uniquePhone();
  const ticket = await openTicketOnWhatsapp(server, standIn, phone, { sentAt: dayAndAnHourAgo(), name: 'Ann Lee' });
  expect(Date.parse(ticket.replyWindowClosesAt!)).toBeLessThan(Date.now());
  return { phone, id: ticket.id };
}

describe.each(databases)('message templates on %s', (kind) => {
  const world = useServerWithCloudApi(kind);
  const register = async (
    body = 'Hello {{1}}, about your ticket {{2}}: we have an answer. Reply to continue.',
    languageCode = 'en_US',
  ) => (await world.server.ok(CREATE, { input: { name: freshName(), languageCode, body } })).createMessageTemplate;

  it('an admin registers a template; its parameter count comes from the body; agents list it', async () => {
    const template = await register();
    expect(template).toMatchObject({ languageCode: 'en_US', parameterCount: 2 });
    const agent = await world.server.createAgent('Bo');
    const listed = (await world.server.ok(LIST, {}, agent.token)).messageTemplates;
    expect(listed).toContainEqual({ id: template.id, name: template.name, languageCode: 'en_US', parameterCount: 2 });
  });

  it('a bad name, language or body is BAD_USER_INPUT and registers nothing', async () => {
    const before = (await world.server.ok(LIST)).messageTemplates.length;
    const cases = [
      { name: 'Follow-Up', languageCode: 'en', body: 'Hi {{1}}' },
      { name: 'ok_name', languageCode: 'english', body: 'Hi {{1}}' },
      { name: 'ok_name', languageCode: 'en', body: 'Hi {{1}} and {{3}}' },
      { name: 'ok_name', languageCode: 'en', body: 'Hi {{name}}' },
      { name: 'ok_name', languageCode: 'en', body: '   ' },
      { name: 'ok_name', languageCode: 'en', body: 'x'.repeat(1025) },
    ];
    for (const input of cases) {
      const refused = await world.server.gql(CREATE, { input }, world.server.adminToken);
      expect(refused.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
    const taken = await register('Hi {{1}}');
    const again = await world.server.gql(
      CREATE,
      { input: { name: taken.name, languageCode: 'en_US', body: 'Hi {{1}}' } },
      world.server.adminToken,
    );
    expect(again.errors?.[0]?.message).toMatch(/already registered/);
    expect((await world.server.ok(LIST)).messageTemplates.length).toBe(before + 1);
  });

  it('only an admin registers or deletes templates: an agent is FORBIDDEN', async () => {
    const agent = await world.server.createAgent('Cy');
    const template = await register('Hi {{1}}');
    const create = await world.server.gql(
      CREATE,
      { input: { name: freshName(), languageCode: 'en', body: 'Hi' } },
      agent.token,
    );
    expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await world.server.gql(DELETE, { id: template.id }, agent.token)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await world.server.ok(DELETE, { id: template.id })).deleteMessageTemplate).toBe(true);
    expect((await world.server.ok(LIST)).messageTemplates.map((listed: { id: string }) => listed.id)).not.toContain(
      template.id,
    );
  });

  it('after the window closed, a template reaches the Cloud API as the documented template message and shows in the thread, SENT', async () => {
    const { server, standIn } = world;
    const template = await register();
    const { phone, id } = await ticketWithClosedWindow(server, standIn);
    const sent = (await server.ok(SEND, { ticketId: id, templateId: template.id, parameters: ['Ann', `#${id}`] }))
      .sendTemplate;
    expect(sent).toMatchObject({
      body: `Hello Ann, about your ticket #${id}: we have an answer. Reply to continue.`,
      templateName: template.name,
      senderType: 'ADMIN',
    });
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 4);
    expect(standIn.messagesTo(phone)[3]!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: phone,
      type: 'template',
      template: {
        name: template.name,
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ann' },
              { type: 'text', text: `#${id}` },
            ],
          },
        ],
      },
    });
    const status = await eventually(async () => {
      const nodes = (await server.ok(THREAD, { id })).ticket.messages.edges.map((edge: { node: any }) => edge.node);
      const mine = nodes.find((node: { templateName: string | null }) => node.templateName === template.name);
      return mine?.deliveryStatus === 'SENT' ? mine.deliveryStatus : undefined;
    });
    expect(status).toBe('SENT');
  });

  it('a wrong number of parameters, or an empty, multi-line or over-long one, is BAD_USER_INPUT and nothing is sent or stored', async () => {
    const { server, standIn } = world;
    const template = await register();
    const { phone, id } = await ticketWithClosedWindow(server, standIn);
    const bad = [['Ann'], ['Ann', '#1', 'extra'], ['Ann', '   '], ['Ann', 'two\nlines'], ['Ann', 'x'.repeat(1025)], []];
    for (const parameters of bad) {
      const refused = await server.gql(SEND, { ticketId: id, templateId: template.id, parameters }, server.adminToken);
      expect(refused.errors?.[0]?.extensions?.code, JSON.stringify(parameters)).toBe('BAD_USER_INPUT');
    }
    const wrongCount = await server.gql(
      SEND,
      { ticketId: id, templateId: template.id, parameters: ['Ann'] },
      server.adminToken,
    );
    expect(wrongCount.errors?.[0]?.message).toMatch(/takes 2 parameters, got 1/);
    const missing = await server.gql(
      SEND,
      { ticketId: id, templateId: '999999', parameters: ['a', 'b'] },
      server.adminToken,
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await sleep(400);
    expect(standIn.messagesTo(phone)).toHaveLength(3);
    const nodes = (await server.ok(THREAD, { id })).ticket.messages.edges.map((edge: { node: any }) => edge.node);
    expect(nodes.some((node: { templateName: string | null }) => node.templateName)).toBe(false);
  });

  it('inside the window a template may be sent too, and free-form replies still work', async () => {
    const { server, standIn } = world;
    const template = await register('Thanks for waiting, {{1}}.', 'en');
    const phone = uniquePhone();
    const { id } = await openTicketOnWhatsapp(server, standIn, phone);
    await server.ok(SEND, { ticketId: id, templateId: template.id, parameters: ['Ann'] });
    await server.ok('mutation($id: ID!) { sendMessage(ticketId: $id, body: "free text") { id } }', { id });
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 5);
    expect(
      standIn
        .messagesTo(phone)
        .slice(3)
        .map((request) => request.body.type),
    ).toEqual(['template', 'text']);
  });

  it('a resolved ticket gets no template until it is reopened', async () => {
    const template = await register('Hi {{1}}', 'en');
    const ticket = await createTicket(world.server);
    await world.server.ok('mutation($id: ID!) { setTicketStatus(ticketId: $id, status: RESOLVED) { id } }', {
      id: ticket.id,
    });
    const refused = await world.server.gql(
      SEND,
      { ticketId: ticket.id, templateId: template.id, parameters: ['Ann'] },
      world.server.adminToken,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
