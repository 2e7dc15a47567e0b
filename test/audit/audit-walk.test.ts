// Walks every mutation of the schema and checks what each leaves in the audit trail: a change nobody recorded
// cannot hide behind a mutation the walk does not know (a new mutation fails here until it says what it records).
import { buildClientSchema, getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_SECRET } from '../helpers/cloud-api-stand-in.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  databases,
  delivery,
  postWebhook,
  startServer,
  type TestServer,
  uniquePhone,
} from '../helpers/harness.js';

const TRAIL = `query { auditLog(first: 100) { id action actorLabel ticketId before after } }`;

interface Entry {
  id: string;
  action: string;
  actorLabel: string;
  ticketId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

interface Fixtures {
  agent: { id: string; token: string; email: string };
  ticket: () => Promise<string>;
  /** A ticket opened just before the mutation runs (its opening is not counted). */
  t: string;
  labelId: string;
  cannedId: string;
  templateId: string;
  parkedId: () => Promise<string>;
}

let sequence = 0;
const unique = (prefix: string) => `${prefix}${process.pid % 1000}w${++sequence}`;

/** A webhook endpoint for the walk (on the discard port: its deliveries fail quietly, and record nothing). */
async function walkEndpoint(s: TestServer): Promise<string> {
  const data = await s.ok(
    'mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/walk", events: [RATING_RECEIVED] }) { endpoint { id } } }',
  );
  return data.createWebhookEndpoint.endpoint.id;
}

/** Each mutation, run once with valid arguments, and the actions it records, oldest first. */
const WALK: Record<string, { run: (s: TestServer, f: Fixtures) => Promise<unknown>; records: string[] }> = {
  createTicket: {
    run: (s) =>
      s.ok('mutation($p: String!) { createTicket(input: { phoneNumber: $p, issueDescription: "Walk" }) { id } }', {
        p: uniquePhone(),
      }),
    records: ['ticket.opened'],
  },
  // The first reply moves an OPEN ticket to IN_PROGRESS and gives it to the agent: both are in the trail.
  sendMessage: {
    run: async (s, f) =>
      s.ok('mutation($t: ID!) { sendMessage(ticketId: $t, body: "Walk reply") { id } }', { t: f.t }, f.agent.token),
    records: ['ticket.status', 'ticket.assigned', 'message.sent'],
  },
  sendTemplate: {
    run: async (s, f) =>
      s.ok(
        'mutation($t: ID!, $tp: ID!) { sendTemplate(ticketId: $t, templateId: $tp, parameters: ["Ann"]) { id } }',
        { t: f.t, tp: f.templateId },
        f.agent.token,
      ),
    records: ['ticket.status', 'ticket.assigned', 'message.sent'],
  },
  addNote: {
    run: async (s, f) => s.ok('mutation($t: ID!) { addNote(ticketId: $t, body: "Walk note") { id } }', { t: f.t }),
    records: ['note.added'],
  },
  assignTicket: {
    run: async (s, f) =>
      s.ok('mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }', { t: f.t, a: f.agent.id }),
    records: ['ticket.assigned'],
  },
  setTicketPriority: {
    run: async (s, f) =>
      s.ok('mutation($t: ID!) { setTicketPriority(ticketId: $t, priority: HIGH) { id } }', { t: f.t }),
    records: ['ticket.priority'],
  },
  setTicketStatus: {
    run: async (s, f) =>
      s.ok('mutation($t: ID!) { setTicketStatus(ticketId: $t, status: RESOLVED) { id } }', { t: f.t }),
    records: ['ticket.status'],
  },
  closeTicket: {
    run: async (s, f) => s.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: f.t }),
    records: ['ticket.closed'],
  },
  reopenTicket: {
    run: async (s, f) => {
      const t = f.t;
      await s.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t });
      return s.ok('mutation($t: ID!) { reopenTicket(ticketId: $t) { id } }', { t });
    },
    records: ['ticket.closed', 'ticket.reopened'],
  },
  snoozeTicket: {
    run: async (s, f) => s.ok('mutation($t: ID!) { snoozeTicket(ticketId: $t, untilReply: true) { id } }', { t: f.t }),
    records: ['ticket.snoozed'],
  },
  unsnoozeTicket: {
    run: async (s, f) => {
      const t = f.t;
      await s.ok('mutation($t: ID!) { snoozeTicket(ticketId: $t, untilReply: true) { id } }', { t });
      return s.ok('mutation($t: ID!) { unsnoozeTicket(ticketId: $t) { id } }', { t });
    },
    records: ['ticket.snoozed', 'ticket.unsnoozed'],
  },
  addLabels: {
    run: async (s, f) =>
      s.ok('mutation($t: ID!, $l: ID!) { addLabels(ticketIds: [$t], labelIds: [$l]) { id } }', {
        t: f.t,
        l: f.labelId,
      }),
    records: ['ticket.labeled'],
  },
  removeLabels: {
    run: async (s, f) => {
      const t = f.t;
      await s.ok('mutation($t: ID!, $l: ID!) { addLabels(ticketIds: [$t], labelIds: [$l]) { id } }', {
        t,
        l: f.labelId,
      });
      return s.ok('mutation($t: ID!, $l: ID!) { removeLabels(ticketIds: [$t], labelIds: [$l]) { id } }', {
        t,
        l: f.labelId,
      });
    },
    records: ['ticket.labeled', 'ticket.unlabeled'],
  },
  // The bulk mutations record what the single-ticket mutation records, once per ticket changed.
  assignTickets: {
    run: async (s, f) =>
      s.ok('mutation($t: ID!, $a: ID) { assignTickets(ticketIds: [$t], adminId: $a) { succeededCount } }', {
        t: f.t,
        a: f.agent.id,
      }),
    records: ['ticket.assigned'],
  },
  setTicketsPriority: {
    run: async (s, f) =>
      s.ok('mutation($t: ID!) { setTicketsPriority(ticketIds: [$t], priority: HIGH) { succeededCount } }', { t: f.t }),
    records: ['ticket.priority'],
  },
  // Two tickets (the second opened in the run): each closing is in the trail.
  closeTickets: {
    run: async (s, f) =>
      s.ok('mutation($t: ID!, $u: ID!) { closeTickets(ticketIds: [$t, $u]) { succeededCount } }', {
        t: f.t,
        u: await f.ticket(),
      }),
    records: ['ticket.opened', 'ticket.closed', 'ticket.closed'],
  },
  snoozeTickets: {
    run: async (s, f) =>
      s.ok('mutation($t: ID!) { snoozeTickets(ticketIds: [$t], untilReply: true) { succeededCount } }', { t: f.t }),
    records: ['ticket.snoozed'],
  },
  // Reading moves the agent's own read mark; it changes no ticket.
  markTicketRead: {
    run: async (s, f) => s.ok('mutation($t: ID!) { markTicketRead(ticketId: $t) { id } }', { t: f.t }),
    records: [],
  },
  // Presence is what agents see of each other for a few seconds; nothing is stored.
  reportPresence: {
    run: async (s, f) => s.ok('mutation($t: ID!) { reportPresence(ticketId: $t) { ticketId } }', { t: f.t }),
    records: [],
  },
  updateContact: {
    run: async (s, f) => {
      const t = f.t;
      const p = (await s.ok('query($t: ID!) { ticket(id: $t) { phoneNumber } }', { t })).ticket.phoneNumber;
      return s.ok(
        'mutation($p: String!) { updateContact(phoneNumber: $p, input: { name: "Walked" }) { phoneNumber } }',
        { p },
      );
    },
    records: ['contact.updated'],
  },
  erasePhoneNumber: {
    run: (s) => s.ok('mutation($p: String!) { erasePhoneNumber(phoneNumber: $p) { tickets } }', { p: uniquePhone() }),
    records: ['contact.erased'],
  },
  createLabel: {
    run: (s) =>
      s.ok('mutation($n: String!) { createLabel(input: { name: $n, color: "#123456" }) { id } }', { n: unique('L') }),
    records: ['label.created'],
  },
  updateLabel: {
    run: (s, f) =>
      s.ok('mutation($id: ID!, $n: String!) { updateLabel(id: $id, input: { name: $n }) { id } }', {
        id: f.labelId,
        n: unique('R'),
      }),
    records: ['label.updated'],
  },
  deleteLabel: {
    run: async (s) => {
      const id = (
        await s.ok('mutation($n: String!) { createLabel(input: { name: $n, color: "#123456" }) { id } }', {
          n: unique('D'),
        })
      ).createLabel.id;
      return s.ok('mutation($id: ID!) { deleteLabel(id: $id) }', { id });
    },
    records: ['label.created', 'label.deleted'],
  },
  createCannedResponse: {
    run: (s) =>
      s.ok('mutation($c: String!) { createCannedResponse(input: { shortcode: $c, title: "T", body: "B" }) { id } }', {
        c: unique('c'),
      }),
    records: ['canned-response.created'],
  },
  updateCannedResponse: {
    run: (s, f) =>
      s.ok('mutation($id: ID!) { updateCannedResponse(id: $id, input: { title: "Renamed" }) { id } }', {
        id: f.cannedId,
      }),
    records: ['canned-response.updated'],
  },
  deleteCannedResponse: {
    run: async (s) => {
      const id = (
        await s.ok(
          'mutation($c: String!) { createCannedResponse(input: { shortcode: $c, title: "T", body: "B" }) { id } }',
          { c: unique('d') },
        )
      ).createCannedResponse.id;
      return s.ok('mutation($id: ID!) { deleteCannedResponse(id: $id) }', { id });
    },
    records: ['canned-response.created', 'canned-response.deleted'],
  },
  createSavedView: {
    run: (s, f) =>
      s.ok(
        'mutation($n: String!) { createSavedView(input: { name: $n, filters: { assignee: ME } }) { id } }',
        {
          n: unique('v'),
        },
        f.agent.token,
      ),
    records: ['saved-view.created'],
  },
  updateSavedView: {
    run: async (s) => {
      const id = (
        await s.ok('mutation($n: String!) { createSavedView(input: { name: $n, shared: true, filters: {} }) { id } }', {
          n: unique('u'),
        })
      ).createSavedView.id;
      return s.ok('mutation($id: ID!) { updateSavedView(id: $id, input: { name: "Renamed view" }) { id } }', { id });
    },
    records: ['saved-view.created', 'saved-view.updated'],
  },
  deleteSavedView: {
    run: async (s) => {
      const id = (
        await s.ok('mutation($n: String!) { createSavedView(input: { name: $n, filters: {} }) { id } }', {
          n: unique('d'),
        })
      ).createSavedView.id;
      return s.ok('mutation($id: ID!) { deleteSavedView(id: $id) }', { id });
    },
    records: ['saved-view.created', 'saved-view.deleted'],
  },
  // Reading a mention is like reading a ticket: nothing for the trail.
  markMentionsRead: {
    run: async (s, f) => s.ok('mutation($t: ID!) { markMentionsRead(ticketId: $t) }', { t: f.t }, f.agent.token),
    records: [],
  },
  createMessageTemplate: {
    run: (s) =>
      s.ok(
        'mutation($n: String!) { createMessageTemplate(input: { name: $n, languageCode: "en", body: "Hi {{1}}" }) { id } }',
        { n: unique('t_') },
      ),
    records: ['message-template.created'],
  },
  deleteMessageTemplate: {
    run: async (s) => {
      const id = (
        await s.ok(
          'mutation($n: String!) { createMessageTemplate(input: { name: $n, languageCode: "en", body: "Hi {{1}}" }) { id } }',
          { n: unique('d_') },
        )
      ).createMessageTemplate.id;
      return s.ok('mutation($id: ID!) { deleteMessageTemplate(id: $id) }', { id });
    },
    records: ['message-template.created', 'message-template.deleted'],
  },
  setBusinessHours: {
    run: (s) => s.ok('mutation { setBusinessHours(input: { timeZone: "UTC", intervals: [] }) { timeZone } }'),
    records: ['desk.business-hours'],
  },
  setSlaPolicy: {
    run: (s) => s.ok('mutation { setSlaPolicy(input: { targets: [] }) { __typename } }'),
    records: ['desk.sla-policy'],
  },
  setBotMessages: {
    run: (s) => s.ok('mutation { setBotMessages(input: { defaultLanguage: "en" }) { defaultLanguage } }'),
    records: ['bot.messages'],
  },
  updateRouting: {
    run: (s) => s.ok('mutation { updateRouting(input: { mode: OFF }) { mode } }'),
    records: ['routing.changed'],
  },
  setAvailability: {
    run: (s, f) => s.ok('mutation { setAvailability(available: true) { id } }', {}, f.agent.token),
    records: ['agent.availability'],
  },
  setAgentCapacity: {
    run: (s, f) =>
      s.ok('mutation($a: ID!) { setAgentCapacity(adminId: $a, capacity: 5) { capacity } }', { a: f.agent.id }),
    records: ['agent.capacity'],
  },
  createAgent: {
    run: (s) =>
      s.ok('mutation($i: CreateAgentInput!) { createAgent(input: $i) { id } }', {
        i: {
          email: `${unique('walk')}@example.test`,
          name: 'Walk Agent',
          password: 'a long enough password',
          role: 'AGENT',
        },
      }),
    records: ['agent.created'],
  },
  updateAgent: {
    run: (s, f) =>
      s.ok('mutation($a: ID!) { updateAgent(id: $a, input: { name: "Renamed Walker" }) { id } }', { a: f.agent.id }),
    records: ['agent.updated'],
  },
  deactivateAgent: {
    run: async (s) => {
      const other = await s.createAgent('Leaving Walker');
      return s.ok('mutation($a: ID!) { deactivateAgent(id: $a) { id } }', { a: other.id });
    },
    records: ['agent.created', 'auth.login', 'agent.deactivated'],
  },
  reactivateAgent: {
    run: async (s) => {
      const other = await s.createAgent('Returning Walker');
      await s.ok('mutation($a: ID!) { deactivateAgent(id: $a) { id } }', { a: other.id });
      return s.ok('mutation($a: ID!) { reactivateAgent(id: $a) { id } }', { a: other.id });
    },
    records: ['agent.created', 'auth.login', 'agent.deactivated', 'agent.reactivated'],
  },
  createPasswordReset: {
    run: async (s) =>
      s.ok('mutation($a: ID!) { createPasswordReset(id: $a) { code } }', {
        a: (await s.createAgent('Locked Walker')).id,
      }),
    records: ['agent.created', 'auth.login', 'agent.password-reset'],
  },
  resetPassword: {
    run: async (s) => {
      const other = await s.createAgent('Forgetful Walker');
      const code = (await s.ok('mutation($a: ID!) { createPasswordReset(id: $a) { code } }', { a: other.id }))
        .createPasswordReset.code;
      return s.ok(
        'mutation($c: String!) { resetPassword(code: $c, newPassword: "another long password") }',
        { c: code },
        null,
      );
    },
    records: ['agent.created', 'auth.login', 'agent.password-reset', 'auth.password.reset'],
  },
  login: {
    run: (s) => s.login(ADMIN_EMAIL, ADMIN_PASSWORD),
    records: ['auth.login'],
  },
  logout: {
    run: async (s) => s.ok('mutation { logout }', {}, await s.login(ADMIN_EMAIL, ADMIN_PASSWORD)),
    records: ['auth.login', 'auth.logout'],
  },
  changePassword: {
    run: async (s) => {
      const other = await s.createAgent('Careful Walker');
      return s.ok(
        'mutation { changePassword(currentPassword: "agent password 1", newPassword: "a brand new long password") }',
        {},
        other.token,
      );
    },
    records: ['agent.created', 'auth.login', 'auth.password.changed'],
  },
  revokeSession: {
    run: async (s) => {
      const other = await s.createAgent('Revoking Walker');
      const sessions = (await s.ok('{ mySessions { id current } }', {}, other.token)).mySessions;
      return s.ok('mutation($id: ID!) { revokeSession(id: $id) }', { id: sessions[0].id }, other.token);
    },
    records: ['agent.created', 'auth.login', 'auth.session.revoked'],
  },
  revokeOtherSessions: {
    run: (s, f) => s.ok('mutation { revokeOtherSessions }', {}, f.agent.token),
    records: ['auth.sessions.revoked'],
  },
  createApiToken: {
    run: (s) => s.ok('mutation { createApiToken(name: "walk", scopes: [READ]) { token } }'),
    records: ['api-token.created'],
  },
  revokeApiToken: {
    run: async (s) => {
      const id = (await s.ok('mutation { createApiToken(name: "walk", scopes: [READ]) { apiToken { id } } }'))
        .createApiToken.apiToken.id;
      return s.ok('mutation($id: ID!) { revokeApiToken(id: $id) }', { id });
    },
    records: ['api-token.created', 'api-token.revoked'],
  },
  retryInboundFailure: {
    run: async (s, f) => s.ok('mutation($id: ID!) { retryInboundFailure(id: $id) { id } }', { id: await f.parkedId() }),
    records: ['inbound-failure.retried'],
  },
  dismissInboundFailure: {
    run: async (s, f) =>
      s.ok('mutation($id: ID!) { dismissInboundFailure(id: $id) { id } }', { id: await f.parkedId() }),
    records: ['inbound-failure.dismissed'],
  },
  createWebhookEndpoint: {
    run: (s) => walkEndpoint(s),
    records: ['webhook.created'],
  },
  updateWebhookEndpoint: {
    run: async (s) =>
      s.ok('mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { description: "Walked" }) { id } }', {
        id: await walkEndpoint(s),
      }),
    records: ['webhook.created', 'webhook.updated'],
  },
  rotateWebhookSecret: {
    run: async (s) =>
      s.ok('mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }', { id: await walkEndpoint(s) }),
    records: ['webhook.created', 'webhook.secret_rotated'],
  },
  deleteWebhookEndpoint: {
    run: async (s) => s.ok('mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: await walkEndpoint(s) }),
    records: ['webhook.created', 'webhook.deleted'],
  },
  // A ping only queues a test delivery: it changes nothing worth a trail entry.
  pingWebhookEndpoint: {
    run: async (s) => s.ok('mutation($id: ID!) { pingWebhookEndpoint(id: $id) { id } }', { id: await walkEndpoint(s) }),
    records: ['webhook.created'],
  },
  redeliverWebhookDelivery: {
    run: async (s) => {
      const ping = await s.ok('mutation($id: ID!) { pingWebhookEndpoint(id: $id) { id } }', {
        id: await walkEndpoint(s),
      });
      return s.ok('mutation($id: ID!) { redeliverWebhookDelivery(id: $id) { id } }', {
        id: ping.pingWebhookEndpoint.id,
      });
    },
    records: ['webhook.created', 'webhook.redelivered'],
  },
  // The simulator plays the person: what they write is theirs, not an agent's action.
  simulatorSend: {
    run: (s) =>
      s.ok('mutation($p: String!) { simulatorSend(phoneNumber: $p, text: "hi") { id } }', { p: uniquePhone() }),
    records: [],
  },
};

describe.each(databases)('the audit trail of every mutation on %s', (kind) => {
  let server: TestServer;
  let fixtures: Fixtures;
  const trail = async (): Promise<Entry[]> => (await server.ok(TRAIL)).auditLog;

  beforeAll(async () => {
    // The simulator plays the person, and the webhook takes signed deliveries (a parked one for the Problems page).
    server = await startServer(kind, {
      WHATSAPP_SIMULATOR: 'on',
      WHATSAPP_APP_SECRET: WEBHOOK_SECRET,
      // Webhook endpoints on 127.0.0.1 for the walk's webhook mutations.
      WEBHOOKS_ALLOW_PRIVATE: '1',
    });
    const agent = await server.createAgent('Walking Agent');
    const ticket = async () =>
      (
        await server.ok(
          'mutation($p: String!) { createTicket(input: { phoneNumber: $p, issueDescription: "Walk" }) { id } }',
          { p: uniquePhone() },
        )
      ).createTicket.id;
    const labelId = (await server.ok('mutation { createLabel(input: { name: "walk base", color: "#123456" }) { id } }'))
      .createLabel.id;
    const cannedId = (
      await server.ok(
        'mutation { createCannedResponse(input: { shortcode: "walkbase", title: "W", body: "B" }) { id } }',
      )
    ).createCannedResponse.id;
    const templateId = (
      await server.ok(
        'mutation { createMessageTemplate(input: { name: "walk_base", languageCode: "en", body: "Hello {{1}}" }) { id } }',
      )
    ).createMessageTemplate.id;
    const parkedId = async () => {
      const id = `wamid.WALK${++sequence}`;
      const body = delivery({
        statuses: [{ id, status: 'not-a-status', timestamp: '1700000000', recipient_id: uniquePhone() }],
      });
      expect((await postWebhook(server, body)).status).toBe(200);
      const rows = (await server.ok('{ inboundFailures(first: 100) { edges { node { id whatsappId state } } } }'))
        .inboundFailures.edges;
      return rows
        .map((edge: { node: { id: string; whatsappId: string } }) => edge.node)
        .find((row: { whatsappId: string }) => row.whatsappId === id).id;
    };
    fixtures = { agent, ticket, labelId, cannedId, templateId, parkedId, t: '' };
  });
  afterAll(() => server?.close());

  it('every mutation says what it records, and records exactly that', async () => {
    const schema = buildClientSchema((await server.ok(getIntrospectionQuery())) as never);
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
    expect(
      mutations.filter((name) => !(name in WALK)),
      'mutations the walk does not know: add them to WALK',
    ).toEqual([]);
    const wrong: string[] = [];
    for (const name of mutations) {
      const t = await fixtures.ticket();
      const newest = Number((await trail())[0]?.id ?? 0);
      await WALK[name]!.run(server, { ...fixtures, t });
      const recorded = (await trail())
        .filter((entry) => Number(entry.id) > newest)
        .reverse()
        .map((entry) => entry.action);
      if (JSON.stringify(recorded) !== JSON.stringify(WALK[name]!.records))
        wrong.push(`${name}: recorded ${JSON.stringify(recorded)}, expected ${JSON.stringify(WALK[name]!.records)}`);
    }
    expect(wrong).toEqual([]);
    // A ticket and a few statements per mutation: the walk grows with the schema, past the default 30 s on a
    // busy machine's MariaDB.
  }, 120_000);

  it("one ticket's assignments form a chain: each one's before is the previous one's after", async () => {
    const other = await server.createAgent('Chain Walker');
    const t = await fixtures.ticket();
    await server.ok(
      'mutation($t: ID!) { sendMessage(ticketId: $t, body: "Mine") { id } }',
      { t },
      fixtures.agent.token,
    );
    await server.ok('mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }', { t, a: other.id });
    await server.ok('mutation($t: ID!) { assignTicket(ticketId: $t, adminId: null) { id } }', { t });
    const entries = (
      await server.ok('query($t: ID) { auditLog(ticketId: $t) { action actorLabel before after } }', { t })
    ).auditLog.reverse();
    const assignments = entries.filter((entry: Entry) => entry.action === 'ticket.assigned');
    expect(assignments.map((entry: Entry) => [entry.before?.assignee, entry.after?.assignee])).toEqual([
      [null, Number(fixtures.agent.id)],
      [Number(fixtures.agent.id), Number(other.id)],
      [Number(other.id), null],
    ]);
    expect(assignments[0]).toMatchObject({ actorLabel: fixtures.agent.email, after: { reason: 'first reply' } });
    expect(entries.find((entry: Entry) => entry.action === 'ticket.status')).toMatchObject({
      before: { status: 'OPEN' },
      after: { status: 'IN_PROGRESS', reason: 'first reply' },
    });
  });
});
