// Saved views and @mentions through the API: views are validated, limited and seen by whom they are for;
// a note's @name becomes a mention of that agent, counted in their badge until they open the ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, startServer, type TestServer } from '../helpers/harness.js';

const VIEW = 'id name shared viewerCanEdit ticketCount filters { status priority assignee assigneeId labelIds search }';
const LIST = `query { savedViews { ${VIEW} } }`;
const CREATE = `mutation($input: CreateSavedViewInput!) { createSavedView(input: $input) { ${VIEW} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateSavedViewInput!) { updateSavedView(id: $id, input: $input) { ${VIEW} } }`;
const DELETE = 'mutation($id: ID!) { deleteSavedView(id: $id) }';
const NOTE = 'mutation($t: ID!, $b: String!) { addNote(ticketId: $t, body: $b) { id } }';
const MENTIONS =
  'query { mentions { id read readAt ticket { id } message { id body } author { name } } notifications { unreadMentions assignedToMe } }';
const READ = 'mutation($t: ID!) { markMentionsRead(ticketId: $t) }';

describe.each(databases)('saved views on %s', (kind) => {
  let server: TestServer;
  let ana: { id: string; token: string };
  let bo: { id: string; token: string };
  beforeAll(async () => {
    server = await startServer(kind);
    ana = await server.createAgent('Ana Views');
    bo = await server.createAgent('Bo Views');
  });
  afterAll(() => server.close());

  const names = async (token: string) =>
    (await server.ok(LIST, {}, token)).savedViews.map((view: { name: string }) => view.name);

  it('an agent saves, renames and deletes a view of their own that only they see, with its live count', async () => {
    await createTicket(server, { priority: 'URGENT' });
    const created = await server.ok(
      CREATE,
      { input: { name: '  Urgent   open ', filters: { status: ['OPEN', 'IN_PROGRESS'], priority: ['URGENT'] } } },
      ana.token,
    );
    const view = created.createSavedView;
    expect(view).toMatchObject({ name: 'Urgent open', shared: false, viewerCanEdit: true, ticketCount: 1 });
    expect(view.filters).toMatchObject({ status: ['OPEN', 'IN_PROGRESS'], priority: ['URGENT'], assignee: 'ANYONE' });
    expect(await names(ana.token)).toContain('Urgent open');
    expect(await names(bo.token)).not.toContain('Urgent open');

    await createTicket(server, { priority: 'URGENT' });
    expect((await server.ok(LIST, {}, ana.token)).savedViews[0].ticketCount).toBe(2);

    // Someone else's own view does not exist for them.
    const foreign = await server.gql(UPDATE, { id: view.id, input: { name: 'Mine now' } }, bo.token);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const renamed = await server.ok(UPDATE, { id: view.id, input: { name: 'Fires' } }, ana.token);
    expect(renamed.updateSavedView.name).toBe('Fires');
    expect(await server.ok(DELETE, { id: view.id }, ana.token)).toEqual({ deleteSavedView: true });
    expect(await names(ana.token)).not.toContain('Fires');
  });

  it('a view of ME counts each agent their own tickets', async () => {
    const ticket = await createTicket(server);
    await server.ok('mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }', {
      t: ticket.id,
      a: bo.id,
    });
    const made = await server.ok(CREATE, {
      input: { name: 'My work', shared: true, filters: { assignee: 'ME', status: ['OPEN', 'IN_PROGRESS'] } },
    });
    const countFor = async (token: string) =>
      (await server.ok(LIST, {}, token)).savedViews.find((view: { id: string }) => view.id === made.createSavedView.id)
        .ticketCount;
    expect(await countFor(bo.token)).toBe(1);
    expect(await countFor(ana.token)).toBe(0);
  });

  it('desk views are made by admins only and seen by every agent, who may not change them', async () => {
    const refused = await server.gql(CREATE, { input: { name: 'Desk', shared: true, filters: {} } }, ana.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const desk = (
      await server.ok(CREATE, { input: { name: 'Late ones', shared: true, filters: { slaState: ['BREACHED'] } } })
    ).createSavedView;
    const seen = (await server.ok(LIST, {}, bo.token)).savedViews.find((view: { id: string }) => view.id === desk.id);
    expect(seen).toMatchObject({ name: 'Late ones', shared: true, viewerCanEdit: false });
    const deleted = await server.gql(DELETE, { id: desk.id }, bo.token);
    expect(deleted.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await names(ana.token)).toContain('Late ones');
  });

  it('refuses unknown filter values, bad names and a view too many, and changes nothing', async () => {
    const refuse = async (input: Record<string, unknown>, token = bo.token) => {
      const before = await names(token);
      const result = await server.gql(CREATE, { input }, token);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(await names(token)).toEqual(before);
    };
    await refuse({ name: 'x', filters: { status: ['ON_FIRE'] } });
    await refuse({ name: 'x', filters: { assignee: 'EVERYONE' } });
    await refuse({ name: 'x', filters: { labelIds: ['999999'] } });
    await refuse({ name: 'x', filters: { assigneeId: '999999' } });
    await refuse({ name: 'x', filters: { search: 'a'.repeat(201) } });
    await refuse({ name: '   ', filters: {} });
    await refuse({ name: 'n'.repeat(41), filters: {} });
    await refuse({ name: 'x', filters: {}, surprise: true });
    await server.ok(CREATE, { input: { name: 'Twice', filters: {} } }, bo.token);
    await refuse({ name: 'twice', filters: {} });
    const have = (await server.ok(LIST, {}, bo.token)).savedViews.filter(
      (view: { shared: boolean }) => !view.shared,
    ).length;
    for (let i = have; i < 20; i++) await server.ok(CREATE, { input: { name: `View ${i}`, filters: {} } }, bo.token);
    await refuse({ name: 'One too many', filters: {} });
  });
});

describe.each(databases)('mentions on %s', (kind) => {
  let server: TestServer;
  let ana: { id: string; token: string };
  let bo: { id: string; token: string };
  let cy: { id: string; token: string };
  beforeAll(async () => {
    server = await startServer(kind);
    ana = await server.createAgent('Ana Lima');
    bo = await server.createAgent('Bo');
    cy = await server.createAgent('Cy Gone');
    await server.ok('mutation($id: ID!) { deactivateAgent(id: $id) { id } }', { id: cy.id });
  });
  afterAll(() => server.close());

  it('a note naming an agent mentions them, counts in their badge, and opening the ticket reads it', async () => {
    const ticket = await createTicket(server);
    const before = (await server.ok(MENTIONS, {}, bo.token)).notifications.unreadMentions;
    const note = await server.ok(
      NOTE,
      { t: ticket.id, b: '@bo can you check this? cc @Ana Lima, @Cy Gone, @Nobody' },
      ana.token,
    );
    const mine = await server.ok(MENTIONS, {}, bo.token);
    expect(mine.notifications.unreadMentions).toBe(before + 1);
    expect(mine.mentions[0]).toMatchObject({
      read: false,
      ticket: { id: ticket.id },
      message: { id: note.addNote.id },
      author: { name: 'Ana Lima' },
    });
    // The author naming herself, an inactive agent and an unknown name are plain text.
    expect((await server.ok(MENTIONS, {}, ana.token)).mentions).toEqual([]);
    const audit = await server.ok('query { auditLog(first: 5) { action } }');
    expect(audit.auditLog[0].action).toBe('note.added');

    expect(await server.ok(READ, { t: ticket.id }, bo.token)).toEqual({ markMentionsRead: 1 });
    const after = await server.ok(MENTIONS, {}, bo.token);
    expect(after.notifications.unreadMentions).toBe(before);
    expect(after.mentions[0]).toMatchObject({ read: true, message: { id: note.addNote.id } });
  });

  it('unread mentions come first, and a renamed agent keeps theirs and is mentioned by the new name', async () => {
    const first = await createTicket(server);
    const second = await createTicket(server);
    await server.ok(NOTE, { t: first.id, b: 'Ask @Bo.' }, ana.token);
    await server.ok(READ, { t: first.id }, bo.token);
    await server.ok(NOTE, { t: second.id, b: '@BO again' }, ana.token);
    await server.ok('mutation($id: ID!) { updateAgent(id: $id, input: { name: "Bob Renamed" }) { id } }', {
      id: bo.id,
    });
    const list = (await server.ok(MENTIONS, {}, bo.token)).mentions;
    expect(list[0]).toMatchObject({ read: false, ticket: { id: second.id } });
    expect(list.some((m: { ticket: { id: string }; read: boolean }) => m.ticket.id === first.id && m.read)).toBe(true);
    await server.ok(NOTE, { t: first.id, b: 'Thanks @Bob Renamed' }, ana.token);
    const now = await server.ok(MENTIONS, {}, bo.token);
    expect(now.notifications.unreadMentions).toBe(2);
    // The old name is plain text now.
    await server.ok(NOTE, { t: first.id, b: '@Bo?' }, ana.token);
    expect((await server.ok(MENTIONS, {}, bo.token)).notifications.unreadMentions).toBe(2);
  });

  it('a reply to the person mentions nobody', async () => {
    const ticket = await createTicket(server);
    const before = (await server.ok(MENTIONS, {}, bo.token)).notifications.unreadMentions;
    await server.ok(
      'mutation($t: ID!) { sendMessage(ticketId: $t, body: "Write to @Bob Renamed") { id } }',
      { t: ticket.id },
      ana.token,
    );
    expect((await server.ok(MENTIONS, {}, bo.token)).notifications.unreadMentions).toBe(before);
  });
});
