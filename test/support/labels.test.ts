// Labels through the API: admins keep the list, agents put labels on tickets in bulk, the list filters
// and searches by them, every change is audited and reaches subscribers, and the list stays a fixed cost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, startServer, uniquePhone, type TestServer } from '../helpers/harness.js';
import { subscribe } from '../helpers/subscriptions.js';

const CREATE = 'mutation($input: CreateLabelInput!) { createLabel(input: $input) { id name color } }';
const UPDATE =
  'mutation($id: ID!, $input: UpdateLabelInput!) { updateLabel(id: $id, input: $input) { id name color } }';
const DELETE = 'mutation($id: ID!) { deleteLabel(id: $id) }';
const LABELS = '{ labels { id name color ticketCount } }';
const ADD =
  'mutation($t: [ID!]!, $l: [ID!]!) { addLabels(ticketIds: $t, labelIds: $l) { id labels { id name color } } }';
const REMOVE = 'mutation($t: [ID!]!, $l: [ID!]!) { removeLabels(ticketIds: $t, labelIds: $l) { id labels { name } } }';
const TICKET_LABELS = 'query($id: ID!) { ticket(id: $id) { labels { id name color } } }';
const FILTERED =
  'query($f: TicketFilter) { tickets(first: 100, filter: $f) { totalCount edges { node { id labels { name } } } } }';
const AUDIT = 'query($t: ID) { auditLog(ticketId: $t, first: 20) { action actorId before after } }';

type Label = { id: string; name: string; color: string };

let labelCount = 0;
/** A label name no other test in this server uses. */
const labelName = (stem: string) => `${stem} ${++labelCount}`;

describe.each(databases)('labels on %s', (kind) => {
  let server: TestServer;
  let agent: { id: string; token: string };
  beforeAll(async () => {
    server = await startServer(kind);
    agent = await server.createAgent('Lia Labeller');
  });
  afterAll(() => server.close());

  const newLabel = async (name: string, color = '#1F6FEB'): Promise<Label> =>
    (await server.ok(CREATE, { input: { name, color } })).createLabel;
  const labelsOf = async (ticketId: string) =>
    (await server.ok(TICKET_LABELS, { id: ticketId })).ticket.labels.map((label: Label) => label.name);
  const allLabels = async (): Promise<(Label & { ticketCount: number })[]> => (await server.ok(LABELS)).labels;
  const ticketsIn = async (filter: Record<string, unknown>) =>
    (await server.ok(FILTERED, { f: filter })).tickets.edges
      .map((edge: { node: { id: string } }) => edge.node.id)
      .sort();

  it('an admin creates labels: trimmed, the colour in lower case, listed by name', async () => {
    const zebra = await newLabel(`  Zebra   ${kind}  `, '#ABCDEF');
    const apple = await newLabel(`apple ${kind}`, '#00ff00');
    expect(zebra).toEqual({ id: expect.any(String), name: `Zebra ${kind}`, color: '#abcdef' });
    expect((await allLabels()).find((label) => label.id === zebra.id)?.ticketCount).toBe(0);
    const names = (await allLabels()).map((label) => label.name);
    expect(names.indexOf(apple.name)).toBeLessThan(names.indexOf(zebra.name));
  });

  it.each([
    [{ name: '', color: '#000000' }, /needs a name/],
    [{ name: 'n'.repeat(41), color: '#000000' }, /at most 40 characters, got 41/],
    [{ name: 'Colourless', color: 'red' }, /"red" is not a colour: write it as #rrggbb/],
    [{ name: 'Colourless', color: '#12345' }, /not a colour/],
    [{ name: 'Colourless', color: '#12345g' }, /not a colour/],
  ])('refuses %j with BAD_USER_INPUT, creating nothing', async (input, message) => {
    const before = await allLabels();
    const result = await server.gql(CREATE, { input }, server.adminToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await allLabels()).toEqual(before);
  });

  it('names are unique regardless of case, on create, on rename, and when created at the same moment', async () => {
    const name = labelName('Billing');
    await newLabel(name);
    const again = await server.gql(
      CREATE,
      { input: { name: name.toUpperCase(), color: '#000000' } },
      server.adminToken,
    );
    expect(again.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: `A label named "${name}" already exists (names are unique regardless of case)`,
    });
    const other = await newLabel(labelName('Other'));
    const renamed = await server.gql(
      UPDATE,
      { id: other.id, input: { name: ` ${name.toLowerCase()} ` } },
      server.adminToken,
    );
    expect(renamed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await allLabels()).find((label) => label.id === other.id)?.name).toBe(other.name);

    const racing = labelName('Race');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        server.gql(
          CREATE,
          { input: { name: index % 2 ? racing : racing.toLowerCase(), color: '#111111' } },
          server.adminToken,
        ),
      ),
    );
    expect(results.filter((result) => result.data?.createLabel)).toHaveLength(1);
    for (const result of results.filter((item) => item.errors))
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await allLabels()).filter((label) => label.name.toLowerCase() === racing.toLowerCase())).toHaveLength(1);
  });

  it('only a signed-in admin manages labels; agents and API tokens are FORBIDDEN and change nothing', async () => {
    const label = await newLabel(labelName('Guarded'));
    const { createApiToken } = await server.ok(
      'mutation { createApiToken(name: "Tool", scopes: [READ, WRITE]) { token } }',
    );
    for (const token of [agent.token, createApiToken.token]) {
      expect(
        (await server.gql(CREATE, { input: { name: labelName('Sneaky'), color: '#000000' } }, token)).errors?.[0]
          ?.extensions?.code,
      ).toBe('FORBIDDEN');
      expect(
        (await server.gql(UPDATE, { id: label.id, input: { name: 'Renamed' } }, token)).errors?.[0]?.extensions?.code,
      ).toBe('FORBIDDEN');
      expect((await server.gql(DELETE, { id: label.id }, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await allLabels()).find((item) => item.id === label.id)).toMatchObject({
      name: label.name,
      color: label.color,
    });
    expect((await allLabels()).some((item) => item.name.startsWith('Sneaky'))).toBe(false);
    // Agents may still read them and put them on tickets.
    const ticket = await createTicket(server);
    expect((await server.ok(ADD, { t: [ticket.id], l: [label.id] }, agent.token)).addLabels[0].labels).toEqual([label]);
  });

  it('an agent puts labels on many tickets at once; re-adding changes nothing; removing takes them off', async () => {
    const vip = await newLabel(labelName('VIP'), '#b42318');
    const billing = await newLabel(labelName('Aardvark billing'), '#0b7a5a');
    const tickets = [await createTicket(server), await createTicket(server), await createTicket(server)];
    const ids = tickets.map((ticket) => ticket.id);
    const added = (await server.ok(ADD, { t: ids, l: [vip.id, billing.id] }, agent.token)).addLabels;
    expect(added.map((ticket: { id: string }) => ticket.id)).toEqual(ids);
    for (const ticket of added) expect(ticket.labels).toEqual([billing, vip]);
    const again = await server.ok(ADD, { t: [ids[0], ids[0]], l: [vip.id] }, agent.token);
    expect(again.addLabels).toHaveLength(1);
    expect(await labelsOf(ids[0])).toEqual([billing.name, vip.name]);
    expect((await allLabels()).find((label) => label.id === vip.id)?.ticketCount).toBe(3);

    const removed = (await server.ok(REMOVE, { t: ids.slice(0, 2), l: [vip.id] }, agent.token)).removeLabels;
    expect(removed.map((ticket: { labels: { name: string }[] }) => ticket.labels.map((label) => label.name))).toEqual([
      [billing.name],
      [billing.name],
    ]);
    expect(await labelsOf(ids[2])).toEqual([billing.name, vip.name]);
  });

  it('bulk changes are all or nothing, and bounded', async () => {
    const label = await newLabel(labelName('Bounded'));
    const ticket = await createTicket(server);
    const unknownTicket = await server.gql(ADD, { t: [ticket.id, '999999'], l: [label.id] }, agent.token);
    expect(unknownTicket.errors?.[0]).toMatchObject({
      extensions: { code: 'NOT_FOUND' },
      message: 'Ticket 999999 was not found',
    });
    const unknownLabel = await server.gql(ADD, { t: [ticket.id], l: [label.id, 'x'] }, agent.token);
    expect(unknownLabel.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await labelsOf(ticket.id)).toEqual([]);

    const tooMany = Array.from({ length: 101 }, (_, index) => String(index + 1));
    const bounded = await server.gql(ADD, { t: tooMany, l: [label.id] }, agent.token);
    expect(bounded.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: 'At most 100 tickets at once, got 101',
    });
    expect((await server.gql(ADD, { t: [], l: [label.id] }, agent.token)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await server.gql(REMOVE, { t: [ticket.id], l: [] }, agent.token)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await allLabels()).find((item) => item.id === label.id)?.ticketCount).toBe(0);
  });

  it('100 tickets at once are labelled in one go', async () => {
    const label = await newLabel(labelName('Hundred'));
    const tickets = await Promise.all(
      Array.from({ length: 100 }, () =>
        server.ok(
          'mutation($p: String!) { createTicket(input: { phoneNumber: $p, issueDescription: "bulk" }) { id } }',
          { p: uniquePhone() },
        ),
      ),
    );
    const ids = tickets.map((ticket) => ticket.createTicket.id);
    const added = (await server.ok(ADD, { t: ids, l: [label.id] }, agent.token)).addLabels;
    expect(added).toHaveLength(100);
    expect(await ticketsIn({ labelIds: [label.id] })).toEqual([...ids].sort());
  }, 60_000);

  it('two agents adding the same label to the same tickets at once both succeed, and it is there once', async () => {
    const other = await server.createAgent('Ru Racer');
    const label = await newLabel(labelName('Simultaneous'));
    const ids = [(await createTicket(server)).id, (await createTicket(server)).id];
    const results = await Promise.all(
      [agent.token, other.token, agent.token, other.token].map((token) =>
        server.gql(ADD, { t: ids, l: [label.id] }, token),
      ),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    for (const id of ids) expect(await labelsOf(id)).toEqual([label.name]);
  });

  it('records each ticket’s labels before and after, by whom, in the audit trail', async () => {
    const first = await newLabel(labelName('Audit one'));
    const second = await newLabel(labelName('Audit two'));
    const ticket = await createTicket(server);
    await server.ok(ADD, { t: [ticket.id], l: [first.id] }, agent.token);
    await server.ok(ADD, { t: [ticket.id], l: [first.id, second.id] }, agent.token);
    await server.ok(ADD, { t: [ticket.id], l: [second.id] }, agent.token);
    await server.ok(REMOVE, { t: [ticket.id], l: [first.id] }, agent.token);
    const entries = (await server.ok(AUDIT, { t: ticket.id })).auditLog.filter(
      (entry: { action: string }) => entry.action !== 'ticket.opened',
    );
    expect(entries).toEqual([
      {
        action: 'ticket.unlabeled',
        actorId: agent.id,
        before: { labels: [first.name, second.name] },
        after: { labels: [second.name] },
      },
      {
        action: 'ticket.labeled',
        actorId: agent.id,
        before: { labels: [first.name] },
        after: { labels: [first.name, second.name] },
      },
      { action: 'ticket.labeled', actorId: agent.id, before: { labels: [] }, after: { labels: [first.name] } },
    ]);
  });

  it('filters the list by labels (tickets with any of them) and finds tickets by a label’s name', async () => {
    const refund = await newLabel(labelName(`Refundable ${kind}`));
    const urgent = await newLabel(labelName('Escalated'));
    const [a, b, c] = [await createTicket(server), await createTicket(server), await createTicket(server)];
    await server.ok(ADD, { t: [a.id], l: [refund.id] }, agent.token);
    await server.ok(ADD, { t: [b.id], l: [urgent.id] }, agent.token);
    await server.ok(ADD, { t: [c.id], l: [refund.id, urgent.id] }, agent.token);
    expect(await ticketsIn({ labelIds: [refund.id] })).toEqual([a.id, c.id].sort());
    expect(await ticketsIn({ labelIds: [refund.id, urgent.id] })).toEqual([a.id, b.id, c.id].sort());
    expect(await ticketsIn({ labelIds: ['424242'] })).toEqual([]);
    await server.ok('mutation($t: ID!) { setTicketStatus(ticketId: $t, status: CLOSED) { id } }', { t: a.id });
    expect(await ticketsIn({ labelIds: [refund.id], status: ['OPEN'] })).toEqual([c.id]);
    expect(await ticketsIn({ search: refund.name.toUpperCase() })).toEqual([a.id, c.id].sort());
  });

  it('renaming and recolouring show on every ticket carrying the label; deleting takes it off them all', async () => {
    const label = await newLabel(labelName('Before'), '#111111');
    const tickets = [await createTicket(server), await createTicket(server)];
    await server.ok(ADD, { t: tickets.map((ticket) => ticket.id), l: [label.id] }, agent.token);
    const renamed = labelName('After');
    expect((await server.ok(UPDATE, { id: label.id, input: { name: renamed, color: '#22AA44' } })).updateLabel).toEqual(
      { id: label.id, name: renamed, color: '#22aa44' },
    );
    expect((await server.ok(TICKET_LABELS, { id: tickets[0].id })).ticket.labels).toEqual([
      { id: label.id, name: renamed, color: '#22aa44' },
    ]);
    expect((await server.ok(UPDATE, { id: label.id, input: { color: '#333333' } })).updateLabel.name).toBe(renamed);
    expect(
      (await server.gql(UPDATE, { id: label.id, input: {} }, server.adminToken)).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(await server.ok(DELETE, { id: label.id })).toEqual({ deleteLabel: true });
    for (const ticket of tickets) expect(await labelsOf(ticket.id)).toEqual([]);
    expect((await allLabels()).some((item) => item.id === label.id)).toBe(false);
    expect((await server.gql(DELETE, { id: label.id }, server.adminToken)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('erasing a phone number removes its labelled tickets too', async () => {
    const label = await newLabel(labelName('Erased'));
    const phoneNumber = uniquePhone();
    const ticket = await createTicket(server, { phoneNumber });
    await server.ok(ADD, { t: [ticket.id], l: [label.id] }, agent.token);
    expect(
      (await server.ok('mutation($p: String!) { erasePhoneNumber(phoneNumber: $p) { tickets } }', { p: phoneNumber }))
        .erasePhoneNumber.tickets,
    ).toBe(1);
    expect((await allLabels()).find((item) => item.id === label.id)?.ticketCount).toBe(0);
  });

  it('ticketUpdated reaches subscribers once for each ticket whose labels changed, and for no other', async () => {
    const label = await newLabel(labelName('Live'), '#123456');
    const [changedA, unchanged, changedB] = [
      await createTicket(server),
      await createTicket(server),
      await createTicket(server),
    ];
    await server.ok(ADD, { t: [unchanged.id], l: [label.id] }, agent.token);
    const feed = await subscribe(server, agent.token, 'subscription { ticketUpdated { id labels { name color } } }');
    await server.ok(ADD, { t: [changedA.id, unchanged.id, changedB.id], l: [label.id] }, agent.token);
    const events = [await feed.next(), await feed.next()];
    expect(events.map((event) => event.id).sort()).toEqual([changedA.id, changedB.id].sort());
    for (const event of events) expect(event.labels).toEqual([{ name: label.name, color: '#123456' }]);
    await feed.nothingWithin();
    await server.ok(REMOVE, { t: [unchanged.id], l: [label.id] }, agent.token);
    expect(await feed.next()).toEqual({ id: unchanged.id, labels: [] });
    feed.stop();
  });

  it('labelChanged tells subscribers of labels created, renamed and deleted', async () => {
    const feed = await subscribe(
      server,
      agent.token,
      'subscription { labelChanged { change id label { name color } } }',
    );
    const name = labelName('Announced');
    const label = await newLabel(name, '#ABCDEF');
    expect(await feed.next()).toEqual({ change: 'CREATED', id: label.id, label: { name, color: '#abcdef' } });
    await server.ok(UPDATE, { id: label.id, input: { name: `${name}!` } });
    expect(await feed.next()).toEqual({
      change: 'UPDATED',
      id: label.id,
      label: { name: `${name}!`, color: '#abcdef' },
    });
    await server.ok(DELETE, { id: label.id });
    expect(await feed.next()).toEqual({ change: 'DELETED', id: label.id, label: null });
    feed.stop();
  });

  it('the ticket list with labels costs the same few SQL statements for 5 tickets as for 50', async () => {
    const labels = [await newLabel(labelName('Count one')), await newLabel(labelName('Count two'))];
    const ids = (await server.ok('{ tickets(first: 50) { edges { node { id } } } }')).tickets.edges.map(
      (edge: { node: { id: string } }) => edge.node.id,
    );
    expect(ids.length).toBe(50);
    await server.ok(ADD, { t: ids, l: labels.map((label) => label.id) }, agent.token);
    const statementsFor = async (first: number) => {
      server.queries.length = 0;
      const data = await server.ok(
        `query($first: Int) { tickets(first: $first) { edges { node { id assignee { name } labels { id name color } lastMessage { body } } } } }`,
        { first },
      );
      expect(data.tickets.edges).toHaveLength(first);
      expect(data.tickets.edges.every((edge: { node: { labels: unknown[] } }) => edge.node.labels.length >= 2)).toBe(
        true,
      );
      return server.queries.filter((line) => /\b(select|insert|update|delete)\b/i.test(line)).length;
    };
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(6);
  });
});
