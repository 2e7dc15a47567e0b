// The list of contacts: everyone the desk has talked to, most recently in contact first, found by name, number or
// WhatsApp username, with each one's ticket count and open ticket, paged with cursors, in a fixed number of queries.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createTicket,
  databases,
  delivery,
  postWebhook,
  uniquePhone,
  useServerWithCloudApi,
  type TestServer,
} from '../helpers/harness.js';

const CONTACTS = `query($search: String, $first: Int, $after: String) {
  contacts(search: $search, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { phoneNumber name username lastContactAt ticketCount openTicket { id status } } }
  }
}`;

const pause = (ms = 15) => new Promise((resolve) => setTimeout(resolve, ms));
const isStatement = (line: string) => /\b(select|insert|update|delete)\b/i.test(line);

/** A text from a person WhatsApp names only by their business-scoped user id and username (they share no number). */
function fromUsername(userId: string, username: string, text: string) {
  const id = `wamid.CONTACTLIST${process.pid}x${randomBytes(6).toString('hex')}`;
  return delivery({
    contacts: [{ profile: { name: 'Jo', username }, user_id: userId }],
    messages: [
      {
        from_user_id: userId,
        id,
        timestamp: String(Math.floor(Date.now() / 1000)),
        type: 'text',
        text: { body: text },
      },
    ],
  });
}

describe.each(databases)('the list of contacts on %s', (kind) => {
  const world = useServerWithCloudApi(kind);
  const list = async (variables: Record<string, unknown>) => (await world.server.ok(CONTACTS, variables)).contacts;
  const names = (connection: { edges: { node: { phoneNumber: string } }[] }) =>
    connection.edges.map((edge) => edge.node.phoneNumber);

  /** Three people under one made-up word: Ada (two tickets, one open), Bo (one, closed), and Jo (a username, no ticket). */
  async function threePeople(server: TestServer) {
    const tag = `Qv${randomBytes(3).toString('hex')}`;
    const ada = uniquePhone();
    const bo = uniquePhone();
    const closed = await createTicket(server, { phoneNumber: ada, senderName: `Ada ${tag}` });
    await server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: closed.id });
    const open = await createTicket(server, { phoneNumber: ada, senderName: `Ada ${tag}` });
    await pause();
    const boTicket = await createTicket(server, { phoneNumber: bo, senderName: `Bo ${tag}` });
    await server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: boTicket.id });
    // WhatsApp's timestamps are whole seconds: Jo writes more than a second after Bo's ticket.
    await pause(1100);
    const userId = `US.${Date.now()}${process.pid}${randomBytes(2).readUInt16BE()}`;
    const username = `${tag.toLowerCase()}.learns`;
    expect((await postWebhook(server, fromUsername(userId, username, 'hello'))).status).toBe(200);
    await pause();
    // An agent's reply puts Ada back on top; an internal note would not.
    await server.ok('mutation($t: ID!) { sendMessage(ticketId: $t, body: "On it") { id } }', { t: open.id });
    return { tag, ada, bo, jo: userId, username, openId: open.id as string };
  }

  it('finds people by name, number (with + and spaces) or username, most recently in contact first, with their counts and open ticket', async () => {
    const { tag, ada, bo, jo, username, openId } = await threePeople(world.server);

    const all = await list({ search: tag });
    expect(names(all)).toEqual([ada, jo, bo]);
    expect(all.totalCount).toBe(3);
    const [adaNode, joNode, boNode] = all.edges.map((edge: any) => edge.node);
    expect(adaNode).toMatchObject({
      name: `Ada ${tag}`,
      ticketCount: 2,
      openTicket: { id: openId, status: 'IN_PROGRESS' },
    });
    expect(joNode).toMatchObject({ username, ticketCount: 0, openTicket: null });
    expect(boNode).toMatchObject({ name: `Bo ${tag}`, ticketCount: 1, openTicket: null });
    const times = [adaNode, joNode, boNode].map((node) => Date.parse(node.lastContactAt));
    expect(times[0]).toBeGreaterThan(times[1]!);
    expect(times[1]).toBeGreaterThan(times[2]!);

    expect(names(await list({ search: `ada ${tag.toLowerCase()}` }))).toEqual([ada]);
    expect(names(await list({ search: `+${ada.slice(0, 2)} ${ada.slice(2, 6)} ${ada.slice(6)}` }))).toEqual([ada]);
    expect(names(await list({ search: ada.slice(4) }))).toEqual([ada]);
    expect(names(await list({ search: `@${username}` }))).toEqual([jo]);
    expect(names(await list({ search: username.toUpperCase() }))).toEqual([jo]);
    // What a person types is text: % and _ are not wildcards.
    expect(names(await list({ search: `${tag}%` }))).toEqual([]);
    expect(names(await list({ search: `Ad_ ${tag}` }))).toEqual([]);
    // The same fields, read from a contact or a ticket's contact.
    const one = await world.server.ok(
      'query($p: String!) { contact(phoneNumber: $p) { lastContactAt ticketCount openTicket { id } } }',
      {
        p: ada,
      },
    );
    expect(one.contact).toEqual({ lastContactAt: adaNode.lastContactAt, ticketCount: 2, openTicket: { id: openId } });
  });

  it('pages with cursors through the whole list, each contact once, and refuses cursors it did not give out', async () => {
    const { tag, ada, bo, jo } = await threePeople(world.server);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const connection: any = await list({ search: tag, first: 1, after });
      seen.push(...names(connection));
      expect(connection.pageInfo.hasNextPage).toBe(page < 2);
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual([ada, jo, bo]);

    const everyone: string[] = [];
    after = null;
    for (;;) {
      const connection: any = await list({ first: 100, after });
      everyone.push(...names(connection));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(new Set(everyone).size).toBe(everyone.length);
    expect(everyone).toEqual(expect.arrayContaining([ada, bo, jo]));

    const ticketCursor = (await world.server.ok('{ tickets(first: 1) { edges { cursor } } }')).tickets.edges[0].cursor;
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    for (const forged of [
      ticketCursor,
      '!!!',
      b64('["contacts-by-last-contact","x",1]'),
      b64('["contacts-by-last-contact","2026-01-01T00:00:00.000Z",-1]'),
    ]) {
      const result = await world.server.gql(CONTACTS, { first: 1, after: forged }, world.server.adminToken);
      expect(
        result.errors?.map((error) => error.extensions?.code),
        forged,
      ).toEqual(['BAD_USER_INPUT']);
    }
    for (const variables of [{ search: 'x'.repeat(201) }, { first: 101 }, { first: -1 }]) {
      const result = await world.server.gql(CONTACTS, variables, world.server.adminToken);
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('a page costs the same few statements for 2 contacts as for 20, never one per contact', async () => {
    for (let index = 0; index < 20; index++) await createTicket(world.server);
    const statementsFor = async (first: number) => {
      world.server.queries.length = 0;
      const connection = await list({ first });
      expect(connection.edges).toHaveLength(first);
      return world.server.queries.filter(isStatement).length;
    };
    // The session, the page, its contacts, the ticket counts, the open tickets (one more statement when the page
    // has any), the total: never one per contact.
    expect(await statementsFor(2)).toBeLessThanOrEqual(8);
    expect(await statementsFor(20)).toBeLessThanOrEqual(8);
  });
});
