// Ticket search through the full-text index finds what the plain LIKE scan it replaced finds, in any script, and a
// message is findable as soon as the mutation or webhook that stored it has answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTicket,
  databases,
  inboundText,
  openFromWhatsapp,
  postWebhook,
  startServer,
  type TestServer,
} from '../helpers/harness.js';
import { WEBHOOK_SECRET } from '../helpers/cloud-api-stand-in.js';

const WORDS = [
  'Refund',
  'refund',
  'REFUNDS',
  'payment',
  'Payment-failed',
  'invoice#42',
  'exam',
  'results',
  'café',
  'naïve',
  'don’t',
  "can't",
  '😀',
  '🎓 graduation',
  'hello,world',
  'C++',
  'e-mail',
  'password',
  'login',
  'ආයුබෝවන්',
  'ගැටලුව',
  'வணக்கம்',
  'பிரச்சனை',
  'مرحبا',
  'مشكلتي',
  '我的订单没有到达',
  '退款',
];
const SPECIAL = [
  `%_' OR 1=1 --`,
  '?',
  ':name',
  '"exact phrase here"',
  'He said "exact phrase here" twice',
  '100% sure_thing',
  'back\\slash',
];

/** A few hundred messages, deterministic, mixing the words, punctuation and SQL-looking text. */
function corpus(): string[] {
  const messages: string[] = [];
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  for (let i = 0; i < 300; i += 1) {
    const count = 2 + (next() % 5);
    const words = Array.from({ length: count }, () => WORDS[next() % WORDS.length]);
    if (i % 9 === 0) words.push(SPECIAL[next() % SPECIAL.length]);
    messages.push(words.join(next() % 3 === 0 ? ', ' : ' '));
  }
  return messages;
}

/** Searches both dialects answer as a substring scan would: text that starts a word, or that the index cannot serve. */
const QUERIES = [
  'refund',
  'REFUND',
  'Refunds',
  'payment-failed',
  'payment failed',
  'invoice#42',
  'café',
  'naïve',
  'don’t',
  "can't",
  '😀',
  '🎓 grad',
  'hello,world',
  'C++',
  'e-m',
  'ex',
  'a',
  'exam results',
  'the',
  'about',
  `%_' OR 1=1 --`,
  "' OR 1=1",
  '%',
  '_',
  '?',
  ':name',
  '"exact phrase here"',
  'exact phrase',
  '100% sure',
  'back\\slash',
  'ආයුබෝවන්',
  'ගැට',
  'வணக்கம்',
  'பிரச்',
  'مرحبا',
  'مشكل',
  '订单',
  '没有',
  '退款',
  'password login',
  'nothing-like-this',
];
/** Text inside a word: the trigram index finds it on SQLite; InnoDB indexes words by their start (README). */
const INSIDE_WORDS = ['efund', 'ayment', 'mail', 'ssword'];

describe.each(databases)('full-text ticket search on %s', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(kind, {
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000',
      WHATSAPP_APP_SECRET: WEBHOOK_SECRET,
    });
    const tickets = [];
    for (let i = 0; i < 12; i += 1) {
      tickets.push(await createTicket(server, { issueDescription: `Question number ${i}`, senderName: `Person ${i}` }));
    }
    for (const [index, body] of corpus().entries()) {
      await server.ok('mutation($t: ID!, $b: String!) { addNote(ticketId: $t, body: $b) { id } }', {
        t: tickets[index % tickets.length].id,
        b: body,
      });
    }
  }, 120_000);
  afterAll(() => server?.close());

  const found = async (search: string) => {
    const data = await server.ok<{ tickets: { totalCount: number; edges: { node: { id: string } }[] } }>(
      'query($s: String) { tickets(first: 100, filter: { search: $s }) { totalCount edges { node { id } } } }',
      { s: search },
    );
    expect(data.tickets.totalCount).toBe(data.tickets.edges.length);
    return data.tickets.edges.map((edge) => edge.node.id).sort();
  };

  /** What the scan before the index found: LIKE over the issue, the name, the number and every message. */
  const scanned = async (search: string) => {
    const pattern = `%${search.replace(/[!%_]/g, (c) => `!${c}`)}%`;
    const rows: { id: number | string }[] = await server.server.services.orm.em.getConnection().execute(
      `select id from support_tickets t where t.issue_description like ? escape '!' or t.sender_name like ? escape '!'
         or t.phone_number like ? escape '!'
         or t.id in (select ticket_id from support_messages where message like ? escape '!')`,
      [pattern, pattern, pattern, pattern],
    );
    return rows.map((row) => String(row.id)).sort();
  };

  it.each(QUERIES)('search %j finds what a LIKE scan finds', async (search) => {
    expect(await found(search)).toEqual(await scanned(search));
  });

  it('a word is looked up in the full-text index, a two-letter search scans', async () => {
    const index = kind === 'sqlite' ? 'support_messages_fts match' : 'against (';
    server.queries.length = 0;
    await found('refund');
    expect(server.queries.some((sql) => sql.includes(index))).toBe(true);
    server.queries.length = 0;
    await found('ex');
    expect(server.queries.some((sql) => sql.includes(index))).toBe(false);
  });

  it.each(['ගැටලුව', 'பிரச்சனை', 'مشكلتي', '订单'])('non-Latin text %s is found', async (search) => {
    expect((await found(search)).length).toBeGreaterThan(0);
  });

  it.runIf(kind === 'sqlite')('text inside a word is found on SQLite, as by the scan', async () => {
    for (const search of INSIDE_WORDS) {
      const ids = await found(search);
      expect(ids.length, search).toBeGreaterThan(0);
      expect(ids, search).toEqual(await scanned(search));
    }
  });

  it('searchSnippet cuts the newest matching message into segments around the match', async () => {
    const ticket = await createTicket(server, { issueDescription: 'Refund for the exam fee' });
    const long = `${'Earlier words. '.repeat(10)}Your Transcript refund 😀 went out, the transcript REFUND note follows. ${'Later words. '.repeat(12)}`;
    await server.ok('mutation($t: ID!, $b: String!) { addNote(ticketId: $t, body: $b) { id } }', {
      t: ticket.id,
      b: long,
    });
    const snippet = async (search: string) =>
      (
        await server.ok<{ ticket: { searchSnippet: { text: string; match: boolean }[] | null } }>(
          'query($t: ID!, $s: String!) { ticket(id: $t) { searchSnippet(search: $s) { text match } } }',
          { t: ticket.id, s: search },
        )
      ).ticket.searchSnippet;
    const segments = (await snippet('transcript refund'))!;
    expect(segments.filter((segment) => segment.match).map((segment) => segment.text)).toEqual([
      'Transcript refund',
      'transcript REFUND',
    ]);
    expect(segments[0]).toEqual({ text: '…', match: false });
    expect(segments.at(-1)).toEqual({ text: '…', match: false });
    expect(segments.map((segment) => segment.text).join('')).toContain('😀');
    // Not in any message: the issue description; nowhere: null.
    expect((await snippet('exam fee'))!.find((segment) => segment.match)?.text).toBe('exam fee');
    expect(await snippet('no such words')).toBeNull();
    expect(await snippet('   ')).toBeNull();
    const tooLong = await server.gql(
      'query($t: ID!, $s: String!) { ticket(id: $t) { searchSnippet(search: $s) { text } } }',
      { t: ticket.id, s: 'x'.repeat(201) },
      server.adminToken,
    );
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a phone number is found however it is written', async () => {
    const ticket = await createTicket(server, { phoneNumber: '94771234567' });
    for (const written of ['+94 77 123 4567', '94771234567', '077 123 4567'.slice(1), '(94) 77-123-4567', '1234567']) {
      expect(await found(written), written).toContain(ticket.id);
    }
  });

  it('a note is findable as soon as addNote answers', async () => {
    const ticket = await createTicket(server);
    const marker = `zebracorn${Date.now()}`;
    expect(await found(marker)).toEqual([]);
    await server.ok('mutation($t: ID!, $b: String!) { addNote(ticketId: $t, body: $b) { id } }', {
      t: ticket.id,
      b: `Wrote ${marker} just now`,
    });
    expect(await found(marker)).toEqual([ticket.id]);
  });

  it('a WhatsApp message is findable as soon as the webhook answers 200', async () => {
    const { id, phone } = await openFromWhatsapp(server, 0);
    const marker = `quokkafish${Date.now()}`;
    expect((await postWebhook(server, inboundText(phone, `Still waiting, ${marker}!`).body)).status).toBe(200);
    expect(await found(marker)).toEqual([id]);
    expect(await found('ආයුබෝවන් quokkafish')).toEqual([]);
  });
});
