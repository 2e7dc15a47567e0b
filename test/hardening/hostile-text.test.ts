// Text is text on every dialect: every String argument and input field of the schema, and every string field of
// a webhook message, with U+0000, a lone surrogate, 10,000 characters and 4-byte emoji. Nothing answers
// INTERNAL_SERVER_ERROR (or 500/503), what is accepted reads back as sent (cleaned), nothing is lost.
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  databases,
  delivery,
  postWebhook,
  uniquePhone,
  useServerWithCloudApi,
  type TestServer,
} from '../helpers/harness.js';

const HOSTILE: Record<string, string> = {
  nul: 'before\u0000after',
  surrogate: 'lone \uD83D surrogate',
  long: `${'x'.repeat(9_990)}😀😀😀😀😀`,
  emoji: '😀 👩🏽‍💻 🇳🇬 𝄞',
};
/** What the desk keeps of each: controls removed, lone surrogates replaced. */
const CLEANED: Record<string, string> = { ...HOSTILE, nul: 'beforeafter', surrogate: 'lone \uFFFD surrogate' };
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for a NUL that should have been stripped
const BROKEN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

let sequence = 0;
const unique = (prefix: string) => `${prefix}${process.pid % 1000}x${++sequence}`;

interface Fixtures {
  ticketId: string;
  phone: string;
  labelId: string;
  cannedId: string;
  templateId: string;
  webhookEndpointId: string;
}
type Variables = Record<string, unknown>;

async function newTicket(server: TestServer, phone = uniquePhone()): Promise<string> {
  return (
    await server.ok('mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }', {
      i: { phoneNumber: phone, issueDescription: 'Hostile text', senderName: 'Host Tile' },
    })
  ).createTicket.id;
}

async function newAgent(server: TestServer): Promise<string> {
  const input = {
    email: `${unique('walked')}@example.test`,
    name: 'Walked Agent',
    password: 'a long enough password',
    role: 'AGENT',
  };
  return (await server.ok('mutation($i: CreateAgentInput!) { createAgent(input: $i) { id } }', { i: input }))
    .createAgent.id;
}

/** Valid arguments for every root field that takes a String somewhere; the walk replaces one string at a time. */
const BASE: Record<string, (server: TestServer, fixtures: Fixtures) => Promise<Variables> | Variables> = {
  auditLog: (_, f) => ({ phoneNumber: f.phone }),
  // A wrong current password and an unknown code: the walk must not change the admin's password.
  changePassword: () => ({ currentPassword: 'not the password', newPassword: 'a long enough new password' }),
  resetPassword: () => ({ code: 'not a code that was made', newPassword: 'a long enough new password' }),
  updateAgent: async (server) => ({ id: await newAgent(server), input: { name: 'Renamed Agent' } }),
  cannedResponses: () => ({ search: 'greet' }),
  contact: (_, f) => ({ phoneNumber: f.phone }),
  contacts: () => ({ search: 'Host', first: 5 }),
  deskReport: () => ({ input: { from: '2026-01-01', to: '2026-01-31', timeZone: 'UTC' } }),
  inboundFailures: () => ({ first: 5 }),
  simulatorPhone: (_, f) => ({ phoneNumber: f.phone }),
  tickets: (_, f) => ({ first: 5, filter: { phoneNumber: f.phone, search: 'hostile' } }),
  addNote: (_, f) => ({ ticketId: f.ticketId, body: 'A note' }),
  closeTicket: async (server) => ({ ticketId: await newTicket(server), message: 'Bye' }),
  closeTickets: async (server) => ({ ticketIds: [await newTicket(server), await newTicket(server)], message: 'Bye' }),
  createAgent: () => ({
    input: {
      email: `${unique('agent')}@example.test`,
      name: 'New Agent',
      password: 'a long enough password',
      role: 'AGENT',
    },
  }),
  createApiToken: () => ({ name: 'tool', scopes: ['READ'] }),
  createCannedResponse: () => ({ input: { shortcode: unique('c'), title: 'Title', body: 'Body text' } }),
  createLabel: () => ({ input: { name: unique('L'), color: '#112233' } }),
  createMessageTemplate: () => ({ input: { name: unique('tpl_'), languageCode: 'en', body: 'Hello {{1}}' } }),
  createTicket: () => ({
    input: { phoneNumber: uniquePhone(), issueDescription: 'An issue', senderName: 'Sender', studentId: 'S-1' },
  }),
  erasePhoneNumber: () => ({ phoneNumber: uniquePhone() }),
  login: () => ({ email: ADMIN_EMAIL, password: 'not the password' }),
  sendMessage: (_, f) => ({ ticketId: f.ticketId, body: 'A reply' }),
  sendTemplate: (_, f) => ({ ticketId: f.ticketId, templateId: f.templateId, parameters: ['value'] }),
  setBusinessHours: () => ({
    input: {
      timeZone: 'UTC',
      intervals: [{ weekday: 1, start: '09:00', end: '17:00' }],
      holidays: [{ date: '2026-12-25', name: 'Holiday' }],
    },
  }),
  simulatorSend: (_, f) => ({ phoneNumber: f.phone, text: 'hello' }),
  updateCannedResponse: (_, f) => ({ id: f.cannedId, input: { title: 'Renamed' } }),
  createSavedView: () => ({ input: { name: unique('V'), filters: { search: 'refund' } } }),
  updateSavedView: async (server) => ({
    id: (
      await server.ok('mutation($n: String!) { createSavedView(input: { name: $n, filters: {} }) { id } }', {
        n: unique('U'),
      })
    ).createSavedView.id,
    input: { name: unique('R'), filters: { search: 'late' } },
  }),
  updateContact: (_, f) => ({ phoneNumber: f.phone, input: { name: 'Named' } }),
  setBotMessages: () => ({
    input: { defaultLanguage: 'en', messages: [{ language: 'en', key: 'thanksForComment', text: 'Thanks!' }] },
  }),
  updateLabel: (_, f) => ({ id: f.labelId, input: { name: unique('R') } }),
  createWebhookEndpoint: () => ({
    input: { url: 'http://127.0.0.1:9/hostile', events: ['RATING_RECEIVED'], description: 'Hostile sink' },
  }),
  updateWebhookEndpoint: (_, f) => ({
    id: f.webhookEndpointId,
    input: { url: 'http://127.0.0.1:9/hostile', description: 'Renamed sink' },
  }),
};

/** String arguments of fields below the root, reached through a root field. */
const NESTED: Record<string, { query: string; base: (fixtures: Fixtures) => Variables }> = {
  'Contact.tickets': {
    query:
      'query($p: String!, $after: String) { contact(phoneNumber: $p) { tickets(first: 5, after: $after) { totalCount } } }',
    base: (f) => ({ p: f.phone }),
  },
  'WebhookEndpoint.deliveries': {
    query:
      'query($id: ID!, $after: String) { webhookEndpoint(id: $id) { deliveries(first: 5, after: $after) { totalCount } } }',
    base: (f) => ({ id: f.webhookEndpointId }),
  },
  'Ticket.messages': {
    query:
      'query($id: ID!, $after: String, $before: String) { ticket(id: $id) { messages(first: 5, after: $after, before: $before) { totalCount } } }',
    base: (f) => ({ id: f.ticketId }),
  },
};

/** Paths to every String inside an input type (lists are walked through their first item). */
function stringPaths(type: GraphQLInputType, prefix: (string | number)[], out: (string | number)[][], depth = 0): void {
  if (depth > 4) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    stringPaths(inner.ofType, [...prefix, 0], out, depth + 1);
    return;
  }
  const named = getNamedType(inner);
  if (isScalarType(named)) {
    if (named.name === 'String') out.push(prefix);
    return;
  }
  if (isInputObjectType(named))
    for (const field of Object.values(named.getFields()))
      stringPaths(field.type, [...prefix, field.name], out, depth + 1);
}

function withValue(variables: Variables, path: (string | number)[], value: string): Variables {
  const copy = structuredClone(variables);
  let at: any = copy;
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) at[key] = isArrayIndexed(path, index) ? [value] : value;
    else at = at[key] ??= typeof path[index + 1] === 'number' ? [{}] : {};
  }
  return copy;
}
const isArrayIndexed = (path: (string | number)[], index: number) => typeof path[index] === 'number';

describe.each(databases)('hostile text on %s', (kind) => {
  const world = useServerWithCloudApi(kind, {
    RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000',
    RATE_LIMIT_LOGIN_ATTEMPTS: '100000',
    // Webhook endpoints on 127.0.0.1 (the discard port) for the webhook mutations.
    WEBHOOKS_ALLOW_PRIVATE: '1',
  });
  let schema: GraphQLSchema;
  let fixtures: Fixtures;

  beforeAll(async () => {
    const { server } = world;
    schema = buildClientSchema((await server.ok(getIntrospectionQuery())) as never);
    const phone = uniquePhone();
    const ticketId = await newTicket(server, phone);
    const labelId = (await server.ok('mutation { createLabel(input: { name: "walk base", color: "#123456" }) { id } }'))
      .createLabel.id;
    const cannedId = (
      await server.ok(
        'mutation { createCannedResponse(input: { shortcode: "walkbase", title: "Walk", body: "Base" }) { id } }',
      )
    ).createCannedResponse.id;
    const templateId = (
      await server.ok(
        'mutation { createMessageTemplate(input: { name: "walk_base", languageCode: "en", body: "Hello {{1}}" }) { id } }',
      )
    ).createMessageTemplate.id;
    const webhookEndpointId = (
      await server.ok(
        'mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/base", events: [RATING_RECEIVED] }) { endpoint { id } } }',
      )
    ).createWebhookEndpoint.endpoint.id;
    fixtures = { ticketId, phone, labelId, cannedId, templateId, webhookEndpointId };
  });

  it('every String argument and input field: never INTERNAL_SERVER_ERROR, and what is accepted reads back cleaned', async () => {
    const { server } = world;
    const failures: string[] = [];
    const roots = [schema.getQueryType()!, schema.getMutationType()!];
    for (const root of roots) {
      for (const field of Object.values(root.getFields())) {
        const paths: (string | number)[][] = [];
        for (const arg of field.args) stringPaths(arg.type, [arg.name], paths);
        if (paths.length === 0) continue;
        const base = BASE[field.name];
        expect(base, `no valid arguments for ${root.name}.${field.name}: add it to BASE`).toBeDefined();
        const returned = getNamedType(field.type);
        const echoed = isObjectType(returned)
          ? Object.values(returned.getFields())
              .filter((out) => out.args.length === 0 && getNamedType(out.type).name === 'String')
              .map((out) => out.name)
          : [];
        const selection = isObjectType(returned) ? `{ __typename ${echoed.join(' ')} }` : '';
        for (const path of paths) {
          for (const [name, value] of Object.entries(HOSTILE)) {
            const variables = withValue(await base!(server, fixtures), path, value);
            const declared = field.args.filter((arg) => arg.name in variables);
            const operation = `${root.name === 'Query' ? 'query' : 'mutation'}(${declared.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ')}) { result: ${field.name}(${declared.map((arg) => `${arg.name}: $${arg.name}`).join(', ')}) ${selection} }`;
            const result = await server.gql(operation, variables, field.name === 'login' ? null : server.adminToken);
            const where = `${field.name}(${path.join('.')}) with ${name}`;
            const codes = (result.errors ?? []).map((error) => error.extensions?.code);
            if (result.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR'))
              failures.push(`${where}: ${result.status} ${JSON.stringify(result.errors)}`);
            if (BROKEN.test(JSON.stringify(result.data ?? null).replace(/\\u0000/g, '\u0000')))
              failures.push(`${where}: broken text in the answer`);
            const leaf = String(path.at(-1));
            const data = result.data?.result as Record<string, unknown> | null | undefined;
            if (
              !result.errors &&
              data &&
              echoed.includes(leaf) &&
              data[leaf] !== CLEANED[name] &&
              leaf !== 'phoneNumber' &&
              // A reply over WhatsApp's limit goes as several messages and answers with the first: a prefix of it.
              !(where === 'sendMessage(body) with long' && CLEANED[name]!.startsWith(String(data[leaf])))
            ) {
              failures.push(`${where}: read back ${JSON.stringify(String(data[leaf]).slice(0, 40))}`);
            }
          }
        }
      }
    }
    for (const [name, nested] of Object.entries(NESTED)) {
      const [typeName, fieldName] = name.split('.') as [string, string];
      const type = schema.getType(typeName);
      expect(isObjectType(type) && type.getFields()[fieldName], name).toBeTruthy();
      for (const argument of ['after', 'before'].filter((arg) => nested.query.includes(`$${arg}`))) {
        for (const value of Object.values(HOSTILE)) {
          const result = await server.gql(
            nested.query,
            { ...nested.base(fixtures), [argument]: value },
            server.adminToken,
          );
          if (result.errors?.some((error) => error.extensions?.code !== 'BAD_USER_INPUT'))
            failures.push(`${name}(${argument}): ${JSON.stringify(result.errors)}`);
        }
      }
    }
    // Every field below the root that takes a String is walked above.
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        !isObjectType(type) ||
        type.name.startsWith('__') ||
        roots.includes(type) ||
        type === schema.getSubscriptionType()
      )
        continue;
      for (const field of Object.values(type.getFields())) {
        if (field.args.some((arg) => getNamedType(arg.type).name === 'String'))
          expect(NESTED[`${type.name}.${field.name}`], `${type.name}.${field.name} is not walked`).toBeDefined();
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('a note, a label and a contact keep the cleaned text, a search with it finds the note, a login with it is refused plainly', async () => {
    const { server } = world;
    for (const [name, value] of Object.entries(HOSTILE)) {
      if (name === 'long') continue;
      const phone = uniquePhone();
      const ticketId = await newTicket(server, phone);
      const note = await server.gql(
        'mutation($id: ID!, $b: String!) { addNote(ticketId: $id, body: $b) { body } }',
        { id: ticketId, b: `note ${value}` },
        server.adminToken,
      );
      expect(note.data?.addNote.body, name).toBe(`note ${CLEANED[name]}`);
      const found = await server.ok(
        'query($s: String) { tickets(first: 5, filter: { search: $s }) { edges { node { id } } } }',
        { s: value },
      );
      expect(
        found.tickets.edges.map((edge: { node: { id: string } }) => edge.node.id),
        name,
      ).toContain(ticketId);
      const label = await server.ok(
        'mutation($n: String!) { createLabel(input: { name: $n, color: "#abcdef" }) { name } }',
        { n: `${name} ${value}`.slice(0, 30) },
      );
      expect(label.createLabel.name, name).toBe(
        `${name} ${CLEANED[name]}`
          .slice(0, `${name} ${value}`.slice(0, 30).length - (value.length - CLEANED[name]!.length))
          .trim(),
      );
      const contact = await server.ok(
        'mutation($p: String!, $n: String, $notes: String, $s: String) { updateContact(phoneNumber: $p, input: { name: $n, notes: $notes, studentId: $s }) { name notes studentId } }',
        {
          p: phone,
          n: value,
          notes: value,
          s: value.slice(0, 20),
        },
      );
      expect(contact.updateContact, name).toMatchObject({ name: CLEANED[name], notes: CLEANED[name] });
      const read = await server.ok('query($p: String!) { contact(phoneNumber: $p) { name notes } }', { p: phone });
      expect(read.contact, name).toEqual({ name: CLEANED[name], notes: CLEANED[name] });
      const login = await server.gql('mutation($e: String!) { login(email: $e, password: "wrong") { token } }', {
        e: `${value}@example.test`,
      });
      expect(login.errors?.[0]?.extensions?.code, name).not.toBe('INTERNAL_SERVER_ERROR');
    }
    // Carriage returns become newlines (CRLF one), tabs and newlines stay, other controls go.
    const lines = await server.ok('mutation($id: ID!, $b: String!) { addNote(ticketId: $id, body: $b) { body } }', {
      id: await newTicket(server),
      b: 'one\r\ntwo\rthree\n\tfour\u0007\u0085',
    });
    expect(lines.addNote.body).toBe('one\ntwo\nthree\n\tfour');
  });

  it('every string field of a webhook message, with each hostile value: answered 200, nothing lost, stored cleaned', async () => {
    const { server } = world;
    const phone = uniquePhone();
    await newTicket(server, phone);
    const THREAD =
      'query($p: String!) { tickets(first: 1, filter: { phoneNumber: $p }) { edges { node { senderName messages(last: 100) { edges { node { body senderName senderType } } } } } } }';
    const count = async () =>
      (await server.ok(THREAD, { p: phone })).tickets.edges[0].node.messages.edges.filter(
        (edge: { node: { senderType: string } }) => edge.node.senderType === 'USER',
      ).length;
    const parkedCount = async () => (await server.ok('{ inboundFailures { totalCount } }')).inboundFailures.totalCount;
    let id = 0;
    const seconds = String(Math.floor(Date.now() / 1000));
    const message = (content: Record<string, unknown>) => ({
      from: phone,
      id: `wamid.HOSTILE${process.pid}x${kind}x${++id}`,
      timestamp: seconds,
      ...content,
    });
    const shapes: Record<string, (value: string) => { contacts?: unknown[]; message: Record<string, unknown> }> = {
      'profile name': (value) => ({
        contacts: [{ profile: { name: value }, wa_id: phone }],
        message: message({ type: 'text', text: { body: 'named' } }),
      }),
      'text body': (value) => ({ message: message({ type: 'text', text: { body: value } }) }),
      caption: (value) => ({
        message: message({ type: 'image', image: { id: '1479537139650973', mime_type: 'image/jpeg', caption: value } }),
      }),
      filename: (value) => ({
        message: message({
          type: 'document',
          document: { id: '1479537139650974', mime_type: 'application/pdf', filename: value },
        }),
      }),
      'location name and address': (value) => ({
        message: message({ type: 'location', location: { latitude: 1, longitude: 2, name: value, address: value } }),
      }),
      'contact card': (value) => ({
        message: message({
          type: 'contacts',
          contacts: [{ name: { formatted_name: value }, phones: [{ phone: value }] }],
        }),
      }),
      'reaction emoji': (value) => ({
        message: message({ type: 'reaction', reaction: { message_id: 'wamid.SOMETHING', emoji: value } }),
      }),
      'button reply title': (value) => ({
        message: message({
          type: 'interactive',
          interactive: { type: 'button_reply', button_reply: { id: value, title: value } },
        }),
      }),
      'template button': (value) => ({ message: message({ type: 'button', button: { text: value, payload: value } }) }),
      'unsupported error title': (value) => ({
        message: message({ type: 'unknown', errors: [{ code: 131051, title: value }] }),
      }),
    };
    for (const [field, shape] of Object.entries(shapes)) {
      for (const [name, value] of Object.entries(HOSTILE)) {
        const { contacts, message: element } = shape(value);
        const body = delivery({ ...(contacts ? { contacts } : {}), messages: [element] });
        const before = await count();
        const response = await postWebhook(server, body);
        expect(response.status, `${field} with ${name}`).toBe(200);
        expect(await count(), `${field} with ${name}: stored`).toBe(before + 1);
        expect((await postWebhook(server, body)).status).toBe(200);
        expect(await count(), `${field} with ${name}: stored once`).toBe(before + 1);
      }
    }
    const thread = (await server.ok(THREAD, { p: phone })).tickets.edges[0].node;
    const text = JSON.stringify(thread);
    expect(BROKEN.test(text.replace(/\\u0000/g, '\u0000'))).toBe(false);
    const bodies: string[] = thread.messages.edges.map((edge: { node: { body: string } }) => edge.node.body);
    for (const name of ['nul', 'surrogate', 'emoji']) expect(bodies, name).toContain(CLEANED[name]);
    expect(bodies.every((body) => body.length <= 4096)).toBe(true);
    expect(bodies).toContain(`${'x'.repeat(4095)}…`);
    expect(thread.senderName.length).toBeLessThanOrEqual(120);
    // A media id is an identifier: cleaned it is stored; at 10,000 characters it is refused and parked, never lost.
    const storedBefore = await count();
    const parkedBefore = await parkedCount();
    for (const [name, value] of Object.entries(HOSTILE)) {
      const body = delivery({ messages: [message({ type: 'image', image: { id: value, mime_type: 'image/jpeg' } })] });
      expect((await postWebhook(server, body)).status, name).toBe(200);
    }
    expect(await count()).toBe(storedBefore + 3);
    expect(await parkedCount()).toBe(parkedBefore + 1);
  }, 120_000);
});
