// Contacts: who a person is, every ticket they opened with its thread, and the agents' notes on them,
// edited live for everyone following, audited, refused when bad, and read in a fixed number of queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTicket,
  databases,
  inboundText,
  postWebhook,
  startServer,
  uniquePhone,
  useServerWithCloudApi,
  type TestServer,
} from '../helpers/harness.js';
import { subscribe } from '../helpers/subscriptions.js';

const CONTACT = `query($p: String!, $first: Int, $after: String) { contact(phoneNumber: $p) {
  phoneNumber name studentId notes notesUpdatedAt notesRevision notesUpdatedBy { name } lastInboundAt
  tickets(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id status issueDescription } } } } }`;
const HISTORY = `query($p: String!) { contact(phoneNumber: $p) {
  tickets(first: 10) { edges { node { id messages(first: 10) { edges { node { body senderType } } } } } } } }`;
const UPDATE = `mutation($p: String!, $input: UpdateContactInput!) { updateContact(phoneNumber: $p, input: $input) {
  phoneNumber name studentId notes notesUpdatedAt notesRevision notesUpdatedBy { name } } }`;
const CONTACT_UPDATED =
  'subscription($p: String) { contactUpdated(phoneNumber: $p) { phoneNumber name studentId notes notesRevision notesUpdatedBy { name } } }';
const AUDIT = 'query($p: String) { auditLog(phoneNumber: $p) { action actorId actorLabel ticketId before after } }';

describe.each(databases)('contacts on %s', (kind) => {
  const world = useServerWithCloudApi(kind);
  const contact = async (phone: string, first?: number, after?: string) =>
    (await world.server.ok(CONTACT, { p: phone, first, after })).contact;
  const update = (phone: string, input: Record<string, unknown>, token = world.server.adminToken) =>
    world.server.gql(UPDATE, { p: phone, input }, token);
  const say = async (phone: string, text: string, name = 'Ada Obi') =>
    expect((await postWebhook(world.server, inboundText(phone, text, { name }).body)).status).toBe(200);

  it('a person who wrote on WhatsApp has a contact with every ticket they opened, newest first, each with its thread', async () => {
    const phone = uniquePhone();
    await say(phone, 'chat support');
    await say(phone, 'My transcript has the wrong grade');
    const first = (await contact(phone)).tickets.edges[0].node;
    await world.server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: first.id });
    const second = await createTicket(world.server, {
      phoneNumber: `+${phone}`,
      senderName: 'Ada O.',
      issueDescription: 'Phoned in: library fine',
    });

    const found = await contact(`+${phone.slice(0, 3)} ${phone.slice(3)}`);
    expect(found).toMatchObject({
      phoneNumber: phone,
      name: 'Ada Obi',
      studentId: null,
      notes: null,
      notesRevision: 0,
      notesUpdatedBy: null,
    });
    expect(found.lastInboundAt).not.toBeNull();
    expect(found.tickets.totalCount).toBe(2);
    expect(found.tickets.edges.map((edge: any) => [edge.node.id, edge.node.status])).toEqual([
      [second.id, 'OPEN'],
      [first.id, 'RESOLVED'],
    ]);
    const history = (await world.server.ok(HISTORY, { p: phone })).contact.tickets.edges;
    const oldThread = history[1].node.messages.edges.map((edge: any) => [edge.node.senderType, edge.node.body]);
    expect(oldThread[0]).toEqual(['USER', 'My transcript has the wrong grade']);
    expect(oldThread.at(-1)).toEqual(['BOT', '✅ Your support ticket has been resolved!']);

    const { ticket } = await world.server.ok(
      'query($t: ID!) { ticket(id: $t) { contact { phoneNumber name tickets { totalCount } } } }',
      { t: second.id },
    );
    expect(ticket.contact).toEqual({ phoneNumber: phone, name: 'Ada Obi', tickets: { totalCount: 2 } });
  });

  it('a ticket opened through the API creates its contact with the name and student id; an unknown number has none', async () => {
    const phone = uniquePhone();
    await createTicket(world.server, { phoneNumber: phone, senderName: 'Ben Api', studentId: 'S-0042' } as never);
    expect(await contact(phone)).toMatchObject({
      phoneNumber: phone,
      name: 'Ben Api',
      studentId: 'S-0042',
      notes: null,
      tickets: { totalCount: 1 },
    });
    expect(await contact(uniquePhone())).toBeNull();
  });

  it('pages through a contact’s tickets with first and after', async () => {
    const phone = uniquePhone();
    const made = [];
    for (let index = 0; index < 3; index++)
      made.push(await createTicket(world.server, { phoneNumber: phone, issueDescription: `Issue ${index}` }));
    const page1 = (await contact(phone, 2)).tickets;
    expect(page1.edges.map((edge: any) => edge.node.id)).toEqual([made[2]!.id, made[1]!.id]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await contact(phone, 2, page1.pageInfo.endCursor)).tickets;
    expect(page2.edges.map((edge: any) => edge.node.id)).toEqual([made[0]!.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(page2.totalCount).toBe(3);
    const bad = await world.server.gql(CONTACT, { p: phone, first: 2, after: 'not-a-cursor' }, world.server.adminToken);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      (await world.server.gql(CONTACT, { p: phone, first: 101 }, world.server.adminToken)).errors?.[0]?.extensions
        ?.code,
    ).toBe('BAD_USER_INPUT');
  });

  it('an agent edits the notes and details: everyone following the contact sees it, and the audit log has who and what', async () => {
    const phone = uniquePhone();
    const other = uniquePhone();
    await createTicket(world.server, { phoneNumber: phone, senderName: 'Cara Lee' });
    await createTicket(world.server, { phoneNumber: other });
    const agent = await world.server.createAgent('Nia Notes');
    const following = await subscribe(world.server, world.server.adminToken, CONTACT_UPDATED, { p: `+${phone}` });
    const everything = await subscribe(world.server, world.server.adminToken, CONTACT_UPDATED);

    const started = Date.now();
    const { data, errors } = await update(
      phone,
      { notes: 'Prefers evening calls.\nHas a hearing aid.', studentId: ' S-77 ' },
      agent.token,
    );
    expect(errors).toBeUndefined();
    expect(data!.updateContact).toMatchObject({
      phoneNumber: phone,
      name: 'Cara Lee',
      studentId: 'S-77',
      notes: 'Prefers evening calls.\nHas a hearing aid.',
      notesRevision: 1,
      notesUpdatedBy: { name: 'Nia Notes' },
    });
    expect(Date.parse(data!.updateContact.notesUpdatedAt)).toBeGreaterThanOrEqual(started - 1000);
    const event = {
      phoneNumber: phone,
      name: 'Cara Lee',
      studentId: 'S-77',
      notes: 'Prefers evening calls.\nHas a hearing aid.',
      notesRevision: 1,
      notesUpdatedBy: { name: 'Nia Notes' },
    };
    expect(await following.next()).toEqual(event);
    expect(await everything.next()).toEqual(event);

    // Another contact's change reaches the one following everything, not the one following this contact.
    await update(other, { name: 'Dan Other' });
    expect((await everything.next()).name).toBe('Dan Other');
    await following.nothingWithin(300);

    // A name change alone leaves who wrote the notes as it was.
    const renamed = (await update(phone, { name: 'Cara Lee-Smith', baseNotesRevision: 0 })).data!.updateContact;
    expect(renamed).toMatchObject({ name: 'Cara Lee-Smith', notesRevision: 1, notesUpdatedBy: { name: 'Nia Notes' } });
    expect((await following.next()).name).toBe('Cara Lee-Smith');

    const entries = (await world.server.ok(AUDIT, { p: phone })).auditLog;
    expect(entries).toEqual([
      {
        action: 'contact.updated',
        actorId: expect.any(String),
        actorLabel: expect.any(String),
        ticketId: null,
        before: { name: 'Cara Lee' },
        after: { name: 'Cara Lee-Smith' },
      },
      {
        action: 'contact.updated',
        actorId: agent.id,
        actorLabel: agent.email,
        ticketId: null,
        before: { notes: null, studentId: null },
        after: { notes: 'Prefers evening calls.\nHas a hearing aid.', studentId: 'S-77' },
      },
    ]);
    following.stop();
    everything.stop();
  });

  it('a name an agent chose is kept when WhatsApp sends the profile name again', async () => {
    const phone = uniquePhone();
    await say(phone, 'chat support', 'Eddie 🎸');
    await say(phone, 'Where is my ID card?', 'Eddie 🎸');
    await update(phone, { name: 'Edward Okafor' });
    await say(phone, 'Any update?', 'Eddie 🎸');
    expect((await contact(phone)).name).toBe('Edward Okafor');
    // Clearing the name hands it back to WhatsApp.
    await update(phone, { name: null });
    await say(phone, 'Hello?', 'Eddie 🎸');
    expect((await contact(phone)).name).toBe('Eddie 🎸');
  });

  it('refuses notes that are too long, other bad input and stale notes with a clear error, changing nothing', async () => {
    const phone = uniquePhone();
    await createTicket(world.server, { phoneNumber: phone, senderName: 'Fay Keep' });
    await update(phone, { notes: 'Original notes' });
    const before = await contact(phone);
    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [{ notes: 'x'.repeat(4001) }, 'BAD_USER_INPUT', /at most 4000 characters, got 4001/],
      [{ studentId: 'S'.repeat(65) }, 'BAD_USER_INPUT', /student id is at most 64/],
      [{ name: 'N'.repeat(256) }, 'BAD_USER_INPUT', /name is at most 255/],
      [{}, 'BAD_USER_INPUT', /Nothing to change/],
      [{ notes: 'Mine', baseNotesRevision: 0 }, 'CONFLICT', /Someone else changed these notes/],
    ];
    for (const [input, code, message] of refusals) {
      const { errors } = await update(phone, input);
      expect(errors?.[0]?.extensions?.code, JSON.stringify(input).slice(0, 40)).toBe(code);
      expect(errors?.[0]?.message).toMatch(message);
    }
    expect((await update('no digits', { notes: 'x' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await update(uniquePhone(), { notes: 'x' })).errors?.[0]).toMatchObject({
      extensions: { code: 'NOT_FOUND' },
      message: expect.stringMatching(/^Contact \+\d+ was not found$/),
    });
    expect(await contact(phone)).toEqual(before);
    expect((await world.server.ok(AUDIT, { p: phone })).auditLog).toHaveLength(1);
    // Exactly 4000 characters is allowed.
    expect(
      (await update(phone, { notes: 'y'.repeat(4000), baseNotesRevision: before.notesRevision })).data!.updateContact
        .notes,
    ).toHaveLength(4000);
  });

  it('a READ-only token may look at a contact but not change it; without a token, neither', async () => {
    const phone = uniquePhone();
    await createTicket(world.server, { phoneNumber: phone });
    const { createApiToken } = await world.server.ok(
      'mutation { createApiToken(name: "crm-sync", scopes: [READ]) { token } }',
    );
    expect((await world.server.ok(CONTACT, { p: phone }, createApiToken.token)).contact.phoneNumber).toBe(phone);
    const refused = await update(phone, { notes: 'From a tool' }, createApiToken.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await world.server.gql(CONTACT, { p: phone }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await contact(phone)).notes).toBeNull();
  });

  it('erasing a phone number erases the contact, the notes and the audit of their changes', async () => {
    const phone = uniquePhone();
    await createTicket(world.server, { phoneNumber: phone });
    await update(phone, { notes: 'Sensitive: lives at 12 Broad St' });
    await world.server.ok('mutation($p: String!) { erasePhoneNumber(phoneNumber: $p) { tickets } }', { p: phone });
    expect(await contact(phone)).toBeNull();
    const trail = JSON.stringify((await world.server.ok('{ auditLog(first: 100) { action before after } }')).auditLog);
    expect(trail).not.toContain('12 Broad St');
  });
});

describe.each(databases)('SQL statements for contacts on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind);
    for (let index = 0; index < 20; index++) {
      const ticket = await createTicket(server, { senderName: `Person ${index}` });
      if (index % 3 === 0)
        await server.ok(
          'mutation($p: String!) { updateContact(phoneNumber: $p, input: { notes: "VIP" }) { phoneNumber } }',
          { p: ticket.phoneNumber },
        );
    }
  });
  afterAll(() => server.close());

  const isStatement = (line: string) => /\b(select|insert|update|delete)\b/i.test(line);
  const LIST = `query($first: Int) { tickets(first: $first) { edges { node { id contact {
    name notes notesUpdatedBy { name } tickets(first: 3) { totalCount edges { node { id status assignee { name } } } } } } } } }`;

  it('the ticket list with each contact and their tickets costs the same few statements for 5 tickets as for 20', async () => {
    const statementsFor = async (first: number) => {
      server.queries.length = 0;
      const data = await server.ok(LIST, { first });
      expect(data.tickets.edges).toHaveLength(first);
      expect(data.tickets.edges.every((edge: any) => edge.node.contact.tickets.totalCount === 1)).toBe(true);
      return server.queries.filter(isStatement).length;
    };
    const small = await statementsFor(5);
    const large = await statementsFor(20);
    expect(large).toBe(small);
    // the session, the page, contacts, their ticket pages (ids, then rows), counts, the agents
    expect(large).toBeLessThanOrEqual(8);
  });
});
