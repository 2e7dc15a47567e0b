// With OTEL_EXPORTER_OTLP_ENDPOINT set, an operator's collector gets one trace per reply, end to end: the
// GraphQL operation, its SQL statements, and later the outbox's send with its Cloud API call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCloudApiStandIn, type CloudApiStandIn } from '../helpers/cloud-api-stand-in.js';
import { createTicket, databases, eventually, startServer, uniquePhone, type TestServer } from '../helpers/harness.js';
import { captureLogs, type CapturedLogs } from './log-capture.js';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver.js';
import { FAST_WEBHOOKS, register, startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

const SERVER = 2;
const CLIENT = 3;

describe.each(databases)('tracing on %s', (kind) => {
  let receiver: OtlpReceiver;
  let standIn: CloudApiStandIn;
  let server: TestServer;
  let logs: CapturedLogs;
  let hooks: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    standIn = await startCloudApiStandIn();
    hooks = await startWebhookReceiver();
    logs = captureLogs();
    server = await startServer(
      kind,
      standIn.env({
        ...FAST_WEBHOOKS,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_SERVICE_NAME: 'desk-under-test',
      }),
      { logger: logs.logger },
    );
  });
  afterAll(async () => {
    await server?.close();
    await standIn?.close();
    await hooks?.close();
    await receiver?.close();
  });

  it('carries a reply from its mutation through the database and the outbox to the Cloud API in one trace', async () => {
    const phone = uniquePhone();
    const ticket = await createTicket(server, { phoneNumber: phone });
    const body = 'Your results are online now.';
    await server.ok('mutation SendReply($id: ID!, $body: String!) { sendMessage(ticketId: $id, body: $body) { id } }', {
      id: ticket.id,
      body,
    });
    await standIn.waitFor((requests) => requests.some((request) => request.body.text?.body === body));

    const operation = await eventually(async () => receiver.spans.find((span) => span.name === 'mutation SendReply'));
    expect(operation.kind).toBe(SERVER);
    expect(operation.service).toBe('desk-under-test');
    expect(operation.attributes).toMatchObject({
      'graphql.operation.name': 'SendReply',
      'graphql.operation.type': 'mutation',
      'http.route': '/graphql',
      'http.response.status_code': 200,
    });
    const inTrace = () => receiver.spans.filter((span) => span.traceId === operation.traceId);
    const childrenOf = (parent: ReceivedSpan) => inTrace().filter((span) => span.parentSpanId === parent.spanId);

    // The mutation's statements, beneath it; named by what they do, never with the values they carry.
    const statements = childrenOf(operation).filter((span) => span.attributes['db.system.name'] === kind);
    expect(statements.map((span) => span.name)).toEqual(
      expect.arrayContaining(['insert support_messages', 'insert whatsapp_outbox']),
    );
    expect(JSON.stringify(statements)).not.toContain(body);

    // The send, later and elsewhere (the dispatcher), continues the trace through the outbox row's traceparent.
    const send = await eventually(async () => inTrace().find((span) => span.name === 'outbox send'));
    expect(send.parentSpanId).toBe(operation.spanId);
    const call = await eventually(async () =>
      childrenOf(send).find((span) => span.kind === CLIENT && span.name === 'POST'),
    );
    expect(call.attributes['url.full']).toBe(`${standIn.url}/v21.0/106540352242922/messages`);
    expect(call.attributes['http.response.status_code']).toBe(200);
    expect(receiver.contentTypes[0]).toMatch(/^application\/json/);

    // The request's log lines carry its trace id.
    const answered = logs.lines().find((line) => line.msg === 'request answered' && line.traceId === operation.traceId);
    expect(answered).toMatchObject({ route: '/graphql', status: 200, spanId: operation.spanId });
  });

  it('continues a trace the caller started (an incoming traceparent)', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parent = '00f067aa0ba902b7';
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${server.adminToken}`,
        traceparent: `00-${traceId}-${parent}-01`,
      },
      body: JSON.stringify({ query: 'query TracedMe { me { id } }' }),
    });
    expect(response.status).toBe(200);
    const span = await eventually(async () => receiver.spans.find((found) => found.name === 'query TracedMe'));
    expect(span).toMatchObject({ traceId, parentSpanId: parent });
  });
  it('gives a request refused before its handler (a webhook with a wrong signature) a span with its status', async () => {
    const response = await fetch(`${server.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=00' },
      body: '{"object":"whatsapp_business_account","entry":[]}',
    });
    expect(response.status).toBe(401);
    const span = await eventually(async () =>
      receiver.spans.find(
        (found) => found.name === 'POST /webhooks/whatsapp' && found.attributes['http.response.status_code'] === 401,
      ),
    );
    expect(span).toMatchObject({ kind: SERVER, parentSpanId: null });
  });

  it('carries a change through the webhook outbox: the delivery and its POST continue the mutation’s trace', async () => {
    const endpoint = await register(server, hooks.url, ['TICKET_UPDATED']);
    const ticket = await createTicket(server, { phoneNumber: uniquePhone() });
    await server.ok('mutation Prioritise($id: ID!) { setTicketPriority(ticketId: $id, priority: URGENT) { id } }', {
      id: ticket.id,
    });
    await hooks.waitFor((received) => received.some((hook) => hook.body.ticket?.id === ticket.id));

    const operation = await eventually(async () => receiver.spans.find((span) => span.name === 'mutation Prioritise'));
    const send = await eventually(async () =>
      receiver.spans.find((span) => span.name === 'webhook send' && span.traceId === operation.traceId),
    );
    expect(send.parentSpanId).toBe(operation.spanId);
    expect(String(send.attributes['webhook.endpoint_id'])).toBe(endpoint.id);
    const post = await eventually(async () =>
      receiver.spans.find((span) => span.parentSpanId === send.spanId && span.kind === CLIENT),
    );
    expect(post.attributes['url.full']).toBe(hooks.url);
    expect(post.attributes['http.response.status_code']).toBe(200);
    // The receiver is told the trace too, so its own spans can join it.
    const hook = hooks.received.find((received) => received.body.ticket?.id === ticket.id)!;
    expect(hook.headers.traceparent).toBe(`00-${operation.traceId}-${post.spanId}-01`);
  });
});
