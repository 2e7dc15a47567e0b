// Admins register webhook endpoints through the API: the secret is shown once, agents are refused, and endpoints
// on non-public addresses are refused unless WEBHOOKS_ALLOW_PRIVATE=1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startServer, type TestServer } from '../helpers/harness.js';

const ENDPOINT_FIELDS =
  'id url description events enabled disabledAt disabledReason failingSince createdAt lastDeliveryAt';
const CREATE = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT_FIELDS} } } }`;

describe.each(databases)('webhook endpoints on %s', (kind) => {
  let server: TestServer;
  let open: TestServer;
  beforeAll(async () => {
    server = await startServer(kind);
    open = await startServer(kind, { WEBHOOKS_ALLOW_PRIVATE: '1' });
  });
  afterAll(async () => {
    await server?.close();
    await open?.close();
  });

  it('an admin registers an endpoint and sees its secret once, never again', async () => {
    const data = await open.ok(CREATE, {
      input: { url: 'http://127.0.0.1:9/hook', events: ['TICKET_CREATED', 'MESSAGE_ADDED'], description: ' CRM ' },
    });
    const { secret, endpoint } = data.createWebhookEndpoint;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(endpoint).toMatchObject({
      url: 'http://127.0.0.1:9/hook',
      description: 'CRM',
      events: ['TICKET_CREATED', 'MESSAGE_ADDED'],
      enabled: true,
      disabledAt: null,
      failingSince: null,
    });
    const read = await open.gql(`{ webhookEndpoint(id: "${endpoint.id}") { secret } }`, {}, open.adminToken);
    expect(read.errors?.[0]?.message).toMatch(/secret/);
    const listed = await open.ok(`{ webhookEndpoints { ${ENDPOINT_FIELDS} } }`);
    expect(listed.webhookEndpoints).toContainEqual(endpoint);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it('rotating gives a new secret, shown once', async () => {
    const { createWebhookEndpoint: created } = await open.ok(CREATE, {
      input: { url: 'http://127.0.0.1:9/rotate', events: ['TICKET_RESOLVED'] },
    });
    const rotated = await open.ok('mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { id } } }', {
      id: created.endpoint.id,
    });
    expect(rotated.rotateWebhookSecret.secret).toMatch(/^whsec_/);
    expect(rotated.rotateWebhookSecret.secret).not.toBe(created.secret);
  });

  it('an admin changes, disables, enables and deletes an endpoint', async () => {
    const { createWebhookEndpoint: created } = await open.ok(CREATE, {
      input: { url: 'http://127.0.0.1:9/a', events: ['TICKET_CREATED'] },
    });
    const id = created.endpoint.id;
    const update = `mutation($id: ID!, $input: UpdateWebhookEndpointInput!) {
      updateWebhookEndpoint(id: $id, input: $input) { ${ENDPOINT_FIELDS} } }`;
    const changed = await open.ok(update, {
      id,
      input: { url: 'http://127.0.0.1:9/b', events: ['RATING_RECEIVED'], description: 'Survey sink' },
    });
    expect(changed.updateWebhookEndpoint).toMatchObject({
      url: 'http://127.0.0.1:9/b',
      events: ['RATING_RECEIVED'],
      description: 'Survey sink',
    });
    const disabled = await open.ok(update, { id, input: { enabled: false } });
    expect(disabled.updateWebhookEndpoint).toMatchObject({ enabled: false, disabledReason: 'Disabled by an admin' });
    expect(disabled.updateWebhookEndpoint.disabledAt).not.toBeNull();
    const enabled = await open.ok(update, { id, input: { enabled: true } });
    expect(enabled.updateWebhookEndpoint).toMatchObject({ enabled: true, disabledAt: null, disabledReason: null });
    expect(await open.ok('mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id })).toEqual({
      deleteWebhookEndpoint: true,
    });
    expect(await open.ok(`{ webhookEndpoint(id: "${id}") { id } }`)).toEqual({ webhookEndpoint: null });
    const again = await open.gql('mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id }, open.adminToken);
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('bad input is refused with a message naming the field, and nothing is saved', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ url: 'not a url', events: ['TICKET_CREATED'] }, /url/],
      [{ url: 'ftp://example.org/x', events: ['TICKET_CREATED'] }, /url/],
      [{ url: 'http://127.0.0.1:9/x', events: [] }, /events/],
      [{ url: 'http://127.0.0.1:9/x', events: ['PING'] }, /events: PING/],
      [{ url: 'http://127.0.0.1:9/x', events: ['TICKET_CREATED'], description: 'x'.repeat(201) }, /description/],
    ];
    const before = (await open.ok('{ webhookEndpoints { id } }')).webhookEndpoints.length;
    for (const [input, message] of cases) {
      const result = await open.gql(CREATE, { input }, open.adminToken);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    expect((await open.ok('{ webhookEndpoints { id } }')).webhookEndpoints).toHaveLength(before);
  });

  it('refuses loopback, private and hostnames resolving to them without WEBHOOKS_ALLOW_PRIVATE', async () => {
    for (const url of [
      'http://127.0.0.1/x',
      'http://10.1.2.3/x',
      'http://192.168.0.10/x',
      'http://169.254.169.254/latest/meta-data',
      'http://100.64.0.1/x',
      'http://[::1]/x',
      'http://[::ffff:127.0.0.1]/x',
      'http://[fe80::1]/x',
      'http://localhost:4000/x',
      'http://0.0.0.0/x',
      'http://224.0.0.1/x',
    ]) {
      const result = await server.gql(CREATE, { input: { url, events: ['TICKET_CREATED'] } }, server.adminToken);
      expect(result.errors?.[0]?.extensions?.code, url).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message, url).toMatch(/non-public address.*WEBHOOKS_ALLOW_PRIVATE/);
    }
    expect((await server.ok('{ webhookEndpoints { id } }')).webhookEndpoints).toEqual([]);
  });

  it('agents and their tokens are refused; an admin’s API token may manage endpoints', async () => {
    const agent = await server.createAgent('Bea', 'AGENT');
    for (const query of [
      '{ webhookEndpoints { id } }',
      '{ webhookEndpoint(id: "1") { id } }',
      'mutation { createWebhookEndpoint(input: { url: "https://example.org/x", events: [TICKET_CREATED] }) { secret } }',
      'mutation { pingWebhookEndpoint(id: "1") { id } }',
    ]) {
      const result = await server.gql(query, {}, agent.token);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
    }
    const token = await open.ok('mutation { createApiToken(name: "hooks", scopes: [WRITE]) { token } }');
    const list = await open.gql('{ webhookEndpoints { id } }', {}, token.createApiToken.token);
    expect(list.errors).toBeUndefined();
    const readOnly = await open.ok('mutation { createApiToken(name: "ro", scopes: [READ]) { token } }');
    const refused = await open.gql(
      'mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/x", events: [TICKET_CREATED] }) { secret } }',
      {},
      readOnly.createApiToken.token,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
