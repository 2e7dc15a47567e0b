// Canned responses through the API: shared by the desk, validated, editable by their author or an admin, live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startServer, type TestServer } from '../helpers/harness.js';
import { subscribe } from '../helpers/subscriptions.js';

const FIELDS = 'id shortcode title body viewerCanEdit author { id name } createdAt updatedAt';
const LIST = `query($search: String, $first: Int) { cannedResponses(search: $search, first: $first) { ${FIELDS} } }`;
const CREATE = `mutation($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCannedResponseInput!) { updateCannedResponse(id: $id, input: $input) { ${FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deleteCannedResponse(id: $id) }';
const CHANGED = 'subscription { cannedResponseChanged { change id cannedResponse { shortcode title body } } }';
const AUDIT = 'query($a: ID) { auditLog(actorId: $a, first: 20) { action before after } }';

let unique = 0;
/** A shortcode no other test in this server uses. */
const code = (stem: string) => `${stem}-${++unique}`;

describe.each(databases)('canned responses on %s', (kind) => {
  let server: TestServer;
  let agent: { id: string; token: string };
  let other: { id: string; token: string };
  beforeAll(async () => {
    server = await startServer(kind);
    agent = await server.createAgent('Ana Author');
    other = await server.createAgent('Ola Other');
  });
  afterAll(() => server.close());

  const create = (input: Record<string, string>, token = agent.token) => server.gql(CREATE, { input }, token);
  const shortcodes = async (search?: string) =>
    (await server.ok(LIST, { search, first: 100 })).cannedResponses.map(
      (item: { shortcode: string }) => item.shortcode,
    );

  it('an agent adds one that the whole desk sees, with its author, and only its author or an admin may edit it', async () => {
    const shortcode = code('refund');
    const created = await create({
      shortcode: ` ${shortcode.toUpperCase()} `,
      title: ' Refund on its way ',
      body: 'Hi {{name}}, your refund is on its way.',
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createCannedResponse).toMatchObject({
      shortcode,
      title: 'Refund on its way',
      body: 'Hi {{name}}, your refund is on its way.',
      viewerCanEdit: true,
      author: { id: agent.id, name: 'Ana Author' },
    });
    const seenBy = async (token: string) =>
      (await server.ok(LIST, { search: shortcode }, token)).cannedResponses.find(
        (item: { shortcode: string }) => item.shortcode === shortcode,
      );
    expect(await seenBy(other.token)).toMatchObject({
      shortcode,
      viewerCanEdit: false,
      author: { name: 'Ana Author' },
    });
    expect(await seenBy(server.adminToken)).toMatchObject({ shortcode, viewerCanEdit: true });
  });

  it('search matches shortcodes and titles, shortcodes that start with the text first, and ignores a leading slash', async () => {
    const prefix = `zq${kind}`;
    await create({ shortcode: `a-${prefix}`, title: 'Contains it in the shortcode', body: 'One' });
    await create({ shortcode: `${prefix}-refund`, title: 'Starts with it', body: 'Two' });
    await create({ shortcode: code('titled'), title: `Title mentions ${prefix.toUpperCase()}`, body: 'Three' });
    await create({ shortcode: code('unrelated'), title: 'Nothing to see', body: 'Four' });
    const found = await shortcodes(`/${prefix}`);
    expect(found).toHaveLength(3);
    expect(found[0]).toBe(`${prefix}-refund`);
    expect(found.slice(1)).toEqual(expect.arrayContaining([`a-${prefix}`, expect.stringMatching(/^titled-/)]));
    expect(await shortcodes(`${prefix}-ref`)).toEqual([`${prefix}-refund`]);
    const limited = await server.ok(LIST, { first: 1 });
    expect(limited.cannedResponses).toHaveLength(1);
    expect((await server.gql(LIST, { first: 101 }, server.adminToken)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it.each([
    [{ shortcode: 'has space', title: 'T', body: 'B' }, /not a shortcode/],
    [{ shortcode: 'under_score', title: 'T', body: 'B' }, /lower-case letters, digits and dashes/],
    [{ shortcode: '-dash-first', title: 'T', body: 'B' }, /not a shortcode/],
    [{ shortcode: 'x'.repeat(33), title: 'T', body: 'B' }, /at most 32 characters, got 33/],
    [{ shortcode: '   ', title: 'T', body: 'B' }, /shortcode cannot be empty/],
    [{ shortcode: 'ok-title', title: 't'.repeat(81), body: 'B' }, /title is at most 80 characters, got 81/],
    [{ shortcode: 'ok-title', title: ' ', body: 'B' }, /title cannot be empty/],
    [
      { shortcode: 'ok-body', title: 'T', body: 'b'.repeat(4097) },
      /at most 4096 characters \(WhatsApp's limit\), got 4097/,
    ],
    [{ shortcode: 'ok-body', title: 'T', body: '  ' }, /cannot be empty/],
    [
      { shortcode: 'ok-body', title: 'T', body: 'Hi {{first_name}}' },
      /Unknown placeholder \{\{first_name\}\}: a canned response may use \{\{name\}\}/,
    ],
    [{ shortcode: 'ok-body', title: 'T', body: 'Hi {{name}' }, /placeholder is not closed/],
    [{ shortcode: 'ok-body', title: 'T', body: 'Hi {name}} and }}' }, /placeholder is not closed/],
  ])('refuses %j with BAD_USER_INPUT and a clear message, creating nothing', async (input, message) => {
    const before = await shortcodes();
    const result = await create(input);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(result.data).toBeNull();
    expect(await shortcodes()).toEqual(before);
  });

  it('search treats % _ and \\ as text, in matching and in putting shortcodes that start with it first', async () => {
    const refund = code('re-fund');
    const payout = code('payout');
    await create({ shortcode: refund, title: 'Policy re_fund', body: 'One' });
    await create({ shortcode: payout, title: 'Also re_fund', body: 'Two' });
    await create({ shortcode: code('rebate'), title: 'Rebate', body: 'Three' });
    await create({ shortcode: code('half'), title: 'Up to 50% off', body: 'Four' });
    await create({ shortcode: code('five-hundred'), title: 'Up to 500 off', body: 'Five' });
    await create({ shortcode: code('path'), title: 'Saved in C:\\forms', body: 'Six' });
    // Neither shortcode starts with "re_", so the shortcode alone orders them.
    expect(await shortcodes('/re_')).toEqual([payout, refund]);
    expect(await shortcodes('/rex')).toEqual([]);
    expect(await shortcodes('/50%')).toEqual([expect.stringMatching(/^half-/)]);
    expect(await shortcodes('c:\\forms')).toEqual([expect.stringMatching(/^path-/)]);
  });

  it('accepts a body of exactly 4,096 characters and {{ name }} with spaces', async () => {
    const long = await create({ shortcode: code('long'), title: 'Long', body: `{{ name }}${'x'.repeat(4086)}` });
    expect(long.errors).toBeUndefined();
    expect(long.data!.createCannedResponse.body).toHaveLength(4096);
  });

  it('a taken shortcode is BAD_USER_INPUT, whatever its case, on create and on rename', async () => {
    const shortcode = code('taken');
    await create({ shortcode, title: 'First', body: 'First' });
    const again = await create({ shortcode: shortcode.toUpperCase(), title: 'Second', body: 'Second' }, other.token);
    expect(again.errors?.[0]).toMatchObject({
      message: `The shortcode /${shortcode} is taken: choose another`,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const mine = (await create({ shortcode: code('mine'), title: 'Mine', body: 'Mine' }, other.token)).data!
      .createCannedResponse;
    const renamed = await server.gql(UPDATE, { id: mine.id, input: { shortcode } }, other.token);
    expect(renamed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await server.ok(LIST, { search: mine.shortcode })).cannedResponses[0]).toMatchObject({
      shortcode: mine.shortcode,
      title: 'Mine',
    });
  });

  it('the same new shortcode sent eight times at once is created once; the others are BAD_USER_INPUT', async () => {
    const shortcode = code('race');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        create({ shortcode, title: `Racer ${index}`, body: 'Same shortcode' }, index % 2 ? agent.token : other.token),
      ),
    );
    const created = results.filter((result) => result.data?.createCannedResponse);
    expect(created).toHaveLength(1);
    for (const result of results.filter((item) => item.errors)) {
      expect(result.errors?.[0]).toMatchObject({
        message: `The shortcode /${shortcode} is taken: choose another`,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    expect(await shortcodes(shortcode)).toEqual([shortcode]);
  });

  it('another agent may neither change nor delete it (FORBIDDEN, nothing changes); the author and an admin may', async () => {
    const shortcode = code('owned');
    const { id } = (await create({ shortcode, title: 'Owned', body: 'Original' })).data!.createCannedResponse;
    const refusedEdit = await server.gql(UPDATE, { id, input: { body: 'Hijacked' } }, other.token);
    expect(refusedEdit.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: `Only the author of /${shortcode} or an admin may change or delete it`,
    });
    expect((await server.gql(DELETE, { id }, other.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.ok(LIST, { search: shortcode })).cannedResponses[0].body).toBe('Original');

    const byAuthor = await server.ok(
      UPDATE,
      { id, input: { title: 'Owned, edited', body: 'Hi {{name}}, edited' } },
      agent.token,
    );
    expect(byAuthor.updateCannedResponse).toMatchObject({
      shortcode,
      title: 'Owned, edited',
      body: 'Hi {{name}}, edited',
    });
    const byAdmin = await server.ok(UPDATE, { id, input: { body: 'Edited by an admin' } });
    expect(byAdmin.updateCannedResponse).toMatchObject({
      title: 'Owned, edited',
      body: 'Edited by an admin',
      author: { id: agent.id },
    });
    const nothing = await server.gql(UPDATE, { id, input: {} }, agent.token);
    expect(nothing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badEdit = await server.gql(UPDATE, { id, input: { body: 'Dear {{customer}}' } }, agent.token);
    expect(badEdit.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await server.ok(LIST, { search: shortcode })).cannedResponses[0].body).toBe('Edited by an admin');

    expect(await server.ok(DELETE, { id }, agent.token)).toEqual({ deleteCannedResponse: true });
    expect(await shortcodes(shortcode)).toEqual([]);
    expect((await server.gql(DELETE, { id }, agent.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(
      (await server.gql(UPDATE, { id: 'nope', input: { title: 'x' } }, agent.token)).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('an admin deletes an agent’s canned response', async () => {
    const { id, shortcode } = (await create({ shortcode: code('admin-deletes'), title: 'Gone soon', body: 'Bye' }))
      .data!.createCannedResponse;
    expect(await server.ok(DELETE, { id })).toEqual({ deleteCannedResponse: true });
    expect(await shortcodes(shortcode)).toEqual([]);
  });

  it('needs a token, and a WRITE scope to change anything', async () => {
    expect((await server.gql(LIST, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const { createApiToken } = await server.ok('mutation { createApiToken(name: "Reader", scopes: [READ]) { token } }');
    expect((await server.gql(LIST, {}, createApiToken.token)).data?.cannedResponses).toEqual(expect.any(Array));
    const refused = await create({ shortcode: code('by-reader'), title: 'T', body: 'B' }, createApiToken.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('records who created, changed and deleted one in the audit trail, without the body', async () => {
    const author = await server.createAgent('Aud Itor');
    const { id } = (
      await create({ shortcode: code('audited'), title: 'Audited', body: 'Secret-ish text for {{name}}' }, author.token)
    ).data!.createCannedResponse;
    await server.ok(UPDATE, { id, input: { body: 'Other text' } }, author.token);
    await server.ok(DELETE, { id }, author.token);
    const entries = (await server.ok(AUDIT, { a: author.id })).auditLog;
    expect(entries.map((entry: { action: string }) => entry.action)).toEqual([
      'canned-response.deleted',
      'canned-response.updated',
      'canned-response.created',
      'auth.login',
    ]);
    expect(entries[1]).toMatchObject({ after: { title: 'Audited', bodyChanged: true } });
    expect(JSON.stringify(entries)).not.toContain('Secret-ish');
  });

  it('tells every subscriber when one is created, changed or deleted', async () => {
    const feed = await subscribe(server, other.token, CHANGED);
    const shortcode = code('live');
    const { id } = (await create({ shortcode, title: 'Live', body: 'Hello {{name}}' })).data!.createCannedResponse;
    expect(await feed.next()).toEqual({
      change: 'CREATED',
      id,
      cannedResponse: { shortcode, title: 'Live', body: 'Hello {{name}}' },
    });
    await server.ok(UPDATE, { id, input: { title: 'Live, renamed' } }, agent.token);
    expect(await feed.next()).toEqual({
      change: 'UPDATED',
      id,
      cannedResponse: { shortcode, title: 'Live, renamed', body: 'Hello {{name}}' },
    });
    await create({ shortcode, title: 'Duplicate', body: 'Refused' });
    await server.ok(DELETE, { id }, agent.token);
    // The refused duplicate sent nothing: the next event is the deletion.
    expect(await feed.next()).toEqual({ change: 'DELETED', id, cannedResponse: null });
    await feed.nothingWithin();
    feed.stop();
  });
});
