// A reply longer than WhatsApp's 4,096 characters goes as several messages, in order, nothing lost or doubled;
// one needing more than ten is refused with the limit named; a note is kept whole.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createTicket, databases, eventually, useServerWithCloudApi } from '../helpers/harness.js';

const SEND = 'mutation($id: ID!, $body: String!) { sendMessage(ticketId: $id, body: $body) { id body } }';
const NOTE = 'mutation($id: ID!, $body: String!) { addNote(ticketId: $id, body: $body) { id body } }';
const THREAD =
  'query($id: ID!) { ticket(id: $id) { messageCount messages(last: 50) { edges { node { body senderType internal deliveryStatus } } } } }';

const FAMILY = '👨‍👩‍👧‍👦';
const FLAG = '🇬🇧';
const graphemesOf = (text: string) => [...new Intl.Segmenter().segment(text)].map((part) => part.segment);

/**
 * 9,000 characters: a first stretch with no space at all, so the cut at 4,096 must fall between graphemes with a
 * flag straddling it; then sentences with emoji, then paragraphs, a family emoji near the second cut.
 */
function longReply(): string {
  const first = `${'a'.repeat(4094)}${FLAG}${'b'.repeat(300)} `;
  let rest = '';
  let n = 0;
  while (first.length + rest.length < 8_990) {
    n += 1;
    rest += n % 7 === 0 ? `Paragraph ${n} ends here ${FAMILY}.\n\n` : `Sentence ${n} is about your grades ${FAMILY}. `;
  }
  const text = (first + rest).slice(0, 8_990 - FAMILY.length).trimEnd();
  return `${text}${'z'.repeat(9_000 - text.length - FAMILY.length)}${FAMILY}`;
}

describe.each(databases)('a long reply on %s', (kind) => {
  const world = useServerWithCloudApi(kind);

  it('a 9,000-character reply reaches the person as parts in order, each within the limit, joined equal to the text', async () => {
    const { server, standIn } = world;
    const ticket = await createTicket(server);
    const body = longReply();
    expect(body.length).toBe(9_000);
    const first = (await server.ok(SEND, { id: ticket.id, body })).sendMessage;

    const stored = (await server.ok(THREAD, { id: ticket.id })).ticket.messages.edges
      .map((edge: { node: { body: string; senderType: string } }) => edge.node)
      .filter((node: { senderType: string }) => node.senderType === 'ADMIN')
      .map((node: { body: string }) => node.body) as string[];
    expect(stored.length).toBe(3);
    expect(first.body).toBe(stored[0]);
    expect(stored.join('')).toBe(body);
    for (const part of stored) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(part.isWellFormed()).toBe(true);
    }
    // No grapheme is split: cutting the text's graphemes at the parts' edges gives the parts.
    expect(stored.flatMap(graphemesOf)).toEqual(graphemesOf(body));
    expect(stored[0]!.endsWith('a')).toBe(true);
    expect(stored[1]!.startsWith(FLAG)).toBe(true);

    await standIn.waitFor(() => standIn.messagesTo(ticket.phoneNumber).length >= 3);
    await sleep(500);
    const sent = standIn.messagesTo(ticket.phoneNumber).map((request) => request.body.text.body as string);
    expect(sent).toEqual(stored);
    await eventually(async () => {
      const nodes = (await server.ok(THREAD, { id: ticket.id })).ticket.messages.edges.map(
        (edge: { node: { deliveryStatus: string | null } }) => edge.node.deliveryStatus,
      );
      return nodes.filter((status: string | null) => status === 'SENT').length === 3 ? true : undefined;
    });
  });

  it('a reply that would need more than 10 messages is refused, naming the limit, and nothing is stored or sent', async () => {
    const { server, standIn } = world;
    const ticket = await createTicket(server);
    const body = 'Word '.repeat(9_000);
    const answer = await server.gql(SEND, { id: ticket.id, body }, server.adminToken);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain('at most 10 WhatsApp messages');
    expect(answer.errors?.[0]?.message).toContain('would need 11');
    expect((await server.ok(THREAD, { id: ticket.id })).ticket.messageCount).toBe(1);
    await sleep(300);
    expect(standIn.messagesTo(ticket.phoneNumber)).toEqual([]);
  });

  it('a 9,000-character note is kept whole, as one note', async () => {
    const { server } = world;
    const ticket = await createTicket(server);
    const body = longReply();
    expect((await server.ok(NOTE, { id: ticket.id, body })).addNote.body).toBe(body);
    const notes = (await server.ok(THREAD, { id: ticket.id })).ticket.messages.edges.filter(
      (edge: { node: { internal: boolean } }) => edge.node.internal,
    );
    expect(notes.map((edge: { node: { body: string } }) => edge.node.body)).toEqual([body]);
  });
});
