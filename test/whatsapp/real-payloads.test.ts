// Webhook payloads that WhatsApp really sends, collected from Meta's documentation and from the test data of
// open-source projects (test/fixtures/whatsapp-real/README.md names each file's source). Each is replayed
// signed, twice, to a desk where the sender already has an open ticket: what the person wrote or chose is
// in the thread, readably, once; statuses and other fields change nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  databases,
  inboundText,
  postWebhook,
  uniquePhone,
  useServerWithCloudApi,
  type TestServer,
} from '../helpers/harness.js';

const CORPUS = join(import.meta.dirname, '../fixtures/whatsapp-real');
const files = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.slice(0, -'.json'.length))
  .sort();

interface Expectation {
  /** What each of the person's messages reads as in the thread (a substring of its body), in order. */
  reads?: string[];
  /** Nothing is added anywhere: statuses for ids the desk never sent, fields other than messages, request_welcome. */
  nothing?: true;
  /** The payload changes an earlier message: that message (delivered first, with the id the payload names) then reads so. */
  changes?: { before: string; after?: string; edited?: true; deleted?: true; reaction?: string | null };
  /** The payload quotes an earlier message: delivered first, it is the message's replyTo. */
  quotes?: string;
  forwarded?: 'FORWARDED' | 'FREQUENTLY_FORWARDED';
  /** The ticket shows the ad the person came from. */
  adHeadline?: string;
  /** Words that must not be in the thread (a Flow's flow_token, raw JSON). */
  never?: string[];
  /** A notice from the desk (sender SYSTEM) is added, reading so: WhatsApp's system messages. */
  notice?: string;
  /** A number change: afterwards the person's thread is found under their new number. */
  moves?: true;
  /** Why this payload is not replayed yet. */
  skip?: string;
}

const STATUS: Expectation = { nothing: true };

const EXPECT: Record<string, Expectation> = {
  'chatwoot-document-accented-filename': { reads: ['📄 Document: Currículum café.pdf — My résumé'] },
  'chatwoot-flow-response': {
    reads: [
      '📝 Form: Rating: excellent · Comments: Great support · Appointment: Day: Monday, Windows: morning, afternoon',
    ],
    never: ['flow-correlation-token', 'flow_token', '{'],
  },
  'chatwoot-image-with-caption': { reads: ['📷 Photo — Check out my product!'] },
  'chatwoot-image-with-download-error': { reads: ['📷 Photo — Check out my product!'] },
  'chatwoot-text-bsuid-only': { reads: ['testing bsuid'] },
  'chatwoot-text-phone-and-bsuid': { reads: ['phone and bsuid'] },
  'meta-docs-edit-text': {
    changes: { before: 'I need help with order 4512', after: 'Sorry, I meant order 4521, not 4512', edited: true },
  },
  'meta-docs-flow-response': {
    reads: ['📝 Form: First name: Pat · Last name: Example · Email: pat@example.com · Appointment date: 2024-05-01'],
    never: ['AQAAAAACS5FpgQ'],
  },
  'meta-docs-order': {
    reads: [
      '🛒 Order: 2 × TSHIRT-BLUE-M (12.5 USD each) · 1 × CAP-RED (8 USD each) · Total 33.00 USD · “Please deliver after 5pm”',
    ],
  },
  'meta-docs-request-welcome': { nothing: true },
  'meta-docs-revoke': {
    changes: { before: 'My card number is 4111 1111 1111 1111', after: '🚫 Deleted by the person', deleted: true },
  },
  'meta-docs-unsupported': { reads: ['⚠️ Unsupported message (poll_creation: Message type unknown)'] },
  'netflie-authentication-status': STATUS,
  'netflie-button-reply': { reads: ['button-text'] },
  'netflie-button-with-referral-and-context': {
    reads: ['No'],
    forwarded: 'FREQUENTLY_FORWARDED',
    adHeadline: 'AD_TITLE',
  },
  'netflie-button': { reads: ['No'] },
  'netflie-can-keep-wa-id-priority-when-user-id-is-present': { reads: ['MESSAGE_BODY'] },
  'netflie-contact': { reads: ['👤 Contact card: CONTACT_FORMATTED_NAME (CONTACT_PHONE'] },
  'netflie-document': { reads: ['📄 Document: FILENAME — CAPTION_TEXT'] },
  'netflie-flow': { reads: ['📝 Form: Name: Email · Order number: ID'], never: ['unused'] },
  'netflie-forwarded': { reads: ['MESSAGE_BODY'], forwarded: 'FORWARDED' },
  'netflie-image': { reads: ['📷 Photo — CAPTION_TEXT'] },
  'netflie-list': { reads: ['list_reply_title'] },
  'netflie-location': { reads: ['📍 Location: LOCATION_NAME, LOCATION_ADDRESS'] },
  'netflie-marketing-status': STATUS,
  'netflie-multiple-text': { reads: ['MESSAGE_BODY', 'MESSAGE_BODY2'] },
  'netflie-order': {
    reads: [
      'number-of-item × the-product-SKU-identifier-2 (unitary-price-of-item price-currency each) · “text-message-sent-along-with-the-order” · catalog the-catalog_id',
    ],
  },
  'netflie-reaction': { changes: { before: 'Is my parcel on its way?', reaction: 'EMOJI' } },
  'netflie-removed-reaction': { changes: { before: 'Is my parcel on its way?', reaction: null } },
  'netflie-service-status': STATUS,
  'netflie-status-conversation-initiated': STATUS,
  'netflie-status-with-errors': STATUS,
  'netflie-status-with-pricing': STATUS,
  'netflie-status-without-expiration-time': STATUS,
  'netflie-status': STATUS,
  'netflie-sticker': { reads: ['🏷️ Sticker'] },
  'netflie-system': { notice: '📱', moves: true },
  'netflie-text': { reads: ['MESSAGE_BODY'] },
  'netflie-unknown': { reads: ['⚠️ Unsupported message (unknown: Unsupported message type)'] },
  'netflie-utility-status': STATUS,
  'netflie-with-bsuid-only-and-no-from': { reads: ['MESSAGE_BODY'] },
  'netflie-without-contact-profile': { reads: ['MESSAGE_BODY'] },
  'pywa-account-update-account-restriction': STATUS,
  'pywa-account-update-account-violation': STATUS,
  'pywa-callback-button-button': { reads: ['title'] },
  'pywa-callback-button-quick-reply-without-context': { reads: ['title'] },
  'pywa-callback-button-quick-reply': { reads: ['title'] },
  'pywa-callback-selection-callback': { reads: ['title'] },
  'pywa-callback-selection-description': { reads: ['title'] },
  'pywa-deleted-message-revoke': {
    changes: { before: 'Oops, wrong chat', after: '🚫 Deleted by the person', deleted: true },
  },
  'pywa-edited-message-image': {
    changes: { before: 'Old image caption', after: '📷 Photo — Updated image caption', edited: true },
  },
  'pywa-flow-completion-completion': {
    reads: [
      '📝 Form: Comment text: Comment Text · Delivery rating: 4 · Purchase rating: 2 · Recommend radio: 0 · Cs rating: 0',
    ],
    never: ['AQAAAAACS5FpgQ'],
  },
  'pywa-flow-completion-without-flow-token': { reads: ['📝 Form: Comment text: Comment Text · Delivery rating: 4'] },
  'pywa-message-animated-sticker': { reads: ['🏷️ Sticker'] },
  'pywa-message-audio': { reads: ['🎵 Audio'] },
  'pywa-message-chosen-location': {
    reads: ['📍 Location: Facebook HQ, 1 Hacker Way, Menlo Park, CA 94025 (37.4611978, -122.2164385)'],
    forwarded: 'FORWARDED',
  },
  'pywa-message-contacts': {
    reads: ['👤 Contact card: Chandler Bing, Monica, Rachel Green (+1 555-555-5555, +1 666-666-6666, +1 777-777-7777'],
  },
  'pywa-message-current-location': { reads: ['📍 Location: shared (12.25089, 43.90539)'] },
  'pywa-message-document': { reads: ['📄 Document: filename.pdf — caption'], forwarded: 'FORWARDED' },
  'pywa-message-forwarded-many-times': { reads: ['text forwarded many times'], forwarded: 'FREQUENTLY_FORWARDED' },
  'pywa-message-forwarded': { reads: ['forwarded text'], forwarded: 'FORWARDED' },
  'pywa-message-image': { reads: ['📷 Photo'] },
  'pywa-message-interactive-message-with-err': { reads: ['⚠️ Unsupported message (interactive'] },
  'pywa-message-media-with-url': { reads: ['📷 Photo'] },
  'pywa-message-order': {
    reads: [
      '🛒 Order: 3 × HAMBURGER (30 ILS each) · 2 × FRENCH_FRIES (35 ILS each) · 2 × SODA (10 ILS each) · Total 180.00 ILS · catalog 354160437058781',
    ],
  },
  'pywa-message-reaction': { changes: { before: 'Your order has shipped', reaction: '😮' } },
  'pywa-message-referral': { reads: ['BODY'], adHeadline: 'AD_TITLE' },
  'pywa-message-reply': { reads: ['replied text'], quotes: 'Which size do you need?' },
  'pywa-message-static-sticker': { reads: ['🏷️ Sticker'] },
  'pywa-message-status-delivered': STATUS,
  'pywa-message-status-failed': STATUS,
  'pywa-message-status-played': STATUS,
  'pywa-message-status-read': STATUS,
  'pywa-message-status-sent': STATUS,
  'pywa-message-text': { reads: ['Body Text'] },
  'pywa-message-unreaction-empty': { changes: { before: 'Your order has shipped', reaction: null } },
  'pywa-message-unreaction-no-emoji': { changes: { before: 'Your order has shipped', reaction: null } },
  'pywa-message-unsupported-with-type': { reads: ['⚠️ Unsupported message (pool: Message type unknown)'] },
  'pywa-message-unsupported': { reads: ['⚠️ Unsupported message (unsupported: Message type unknown)'] },
  'pywa-message-video': { reads: ['🎬 Video — caption'], forwarded: 'FORWARDED' },
  'pywa-message-voice': { reads: ['🎤 Voice message'] },
  'pywa-system-identity-change': { notice: '🔐 Security notice' },
  'pywa-system-phone-number-change': { notice: '📱', moves: true },
  'pywa-template-category-update-marketing': STATUS,
  'pywa-template-quality-update-yellow': STATUS,
  'pywa-template-status-update-approved': STATUS,
  'pywa-template-status-update-rejected': STATUS,
  'pywa-user-marketing-preferences-signup': STATUS,
};

type Json = Record<string, any>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The payload as this desk receives it in a test: every person (from, wa_id, recipient_id) becomes a number of
 * this run, and every message id gets this run's prefix, so that files recorded with the same ids and numbers
 * do not meet. A message recorded without an id (chatwoot's specs leave it out; WhatsApp always sends one) and
 * messages sharing one id (netflie's batch) get one per position. Ids a message names (the message it quotes,
 * edits, deletes or reacts to) get the prefix too, so the earlier message the test delivers first is found.
 */
let userSequence = 0;

function rewrite(payload: Json, prefix: string) {
  const phones = new Map<string, string>();
  const phoneFor = (original: unknown) => {
    const key = String(original);
    if (!phones.has(key)) phones.set(key, uniquePhone());
    return phones.get(key)!;
  };
  // Business-scoped user ids too: one recorded id in several files must not make their people one contact.
  const users = new Map<string, string>();
  const userFor = (original: unknown) => {
    const key = String(original);
    const country = /^[A-Za-z]{2}\./.test(key) ? key.slice(0, 2) : 'US';
    if (!users.has(key))
      users.set(key, `${country}.${key.includes('.ENT.') ? 'ENT.' : ''}T${process.pid}x${++userSequence}`);
    return users.get(key)!;
  };
  // A number change's new number is the person's, but no ticket is opened for it first.
  const moved = new Map<string, string>();
  const ref = (id: unknown) => `${prefix}${String(id)}`;
  let position = 0;
  for (const entry of payload.entry ?? []) {
    for (const change of entry.changes ?? []) {
      const value = change.value ?? {};
      // Senders first: the first number of a payload is the one whose thread the test reads.
      for (const message of value.messages ?? []) {
        if (message.from) message.from = phoneFor(message.from);
        for (const field of ['from_user_id', 'from_parent_user_id'])
          if (message[field]) message[field] = userFor(message[field]);
        if (isObject(message.system)) {
          for (const field of ['wa_id', 'new_wa_id']) {
            if (!message.system[field]) continue;
            if (!moved.has(message.system[field])) moved.set(message.system[field], uniquePhone());
            message.system[field] = moved.get(message.system[field]);
          }
          if (message.system.customer) message.system.customer = phoneFor(message.system.customer);
        }
        message.id = `${prefix}m${position++}.${message.id ?? 'recorded-without-id'}`;
        if (isObject(message.context) && message.context.id) message.context.id = ref(message.context.id);
        for (const kind of ['edit', 'revoke'])
          if (isObject(message[kind])) message[kind].original_message_id = ref(message[kind].original_message_id);
        if (isObject(message.reaction) && message.reaction.message_id)
          message.reaction.message_id = ref(message.reaction.message_id);
      }
      for (const status of value.statuses ?? []) {
        if (status.recipient_id) status.recipient_id = phoneFor(status.recipient_id);
        if (status.recipient_user_id) status.recipient_user_id = userFor(status.recipient_user_id);
        status.id = ref(status.id);
      }
      for (const contact of value.contacts ?? []) {
        if (contact.wa_id) contact.wa_id = phoneFor(contact.wa_id);
        for (const field of ['user_id', 'parent_user_id']) if (contact[field]) contact[field] = userFor(contact[field]);
      }
    }
  }
  // People known only by a user id are named by it (a contact card's parent id names no person).
  const people = [...users.entries()].filter(([original]) => !original.includes('.ENT.')).map(([, id]) => id);
  return {
    body: JSON.stringify(payload),
    phones: [...new Set(phones.values())],
    users: people,
    moved: [...moved.values()],
  };
}

/** The id of the earlier message a payload names (quotes, edits, deletes, reacts to), already rewritten. */
function namedEarlierId(payload: Json): string | null {
  const message = payload.entry?.[0]?.changes?.[0]?.value?.messages?.[0];
  if (!message) return null;
  return (
    message.edit?.original_message_id ??
    message.revoke?.original_message_id ??
    message.reaction?.message_id ??
    message.context?.id ??
    null
  );
}

const THREAD = `query($phone: String!) { tickets(first: 5, filter: { phoneNumber: $phone }) { totalCount edges { node {
  id referral { headline sourceUrl }
  messages(last: 50) { edges { node { id body senderType forwarded editedAt edits { body } deletedByPersonAt personReaction replyTo { body } } } } } } } }`;

async function threadOf(server: TestServer, phone: string) {
  const tickets = (await server.ok(THREAD, { phone })).tickets;
  return {
    count: tickets.totalCount as number,
    ticket: tickets.edges[0]?.node,
    messages: (tickets.edges[0]?.node.messages.edges ?? []).map((edge: any) => edge.node),
  };
}

describe.each(databases)('real WhatsApp payloads on %s', (kind) => {
  const world = useServerWithCloudApi(kind);
  let run = 0;

  it('every file of the corpus says what it should read as', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files.filter((file) => !EXPECT[file])).toEqual([]);
    expect(Object.keys(EXPECT).filter((file) => !files.includes(file))).toEqual([]);
  });

  for (const file of files) {
    const expectation = EXPECT[file] ?? {};
    const test = expectation.skip ? it.skip : it;
    test(`${file}${expectation.skip ? ` — skipped: ${expectation.skip}` : ''}`, async () => {
      const server = world.server;
      const prefix = `${kind}.${process.pid}.${++run}.`;
      const { body, phones, users, moved } = rewrite(
        JSON.parse(readFileSync(join(CORPUS, `${file}.json`), 'utf8')),
        prefix,
      );
      // A person WhatsApp names by number, else by user id (the desk then names them by that id).
      const senders = phones.length ? phones : users.length ? users.slice(0, 1) : [uniquePhone()];
      for (const phone of senders) {
        await server.ok('mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }', {
          i: { phoneNumber: phone, issueDescription: `Opened by an agent for ${file}` },
        });
      }
      const sender = senders[0]!;
      const earlierId = namedEarlierId(JSON.parse(body));
      const earlier = expectation.changes?.before ?? expectation.quotes;
      if (earlier) {
        expect(earlierId, 'the payload names an earlier message').toBeTruthy();
        expect((await postWebhook(server, inboundText(sender, earlier, { id: earlierId! }).body)).status).toBe(200);
      }
      const before = await Promise.all(senders.map((phone) => threadOf(server, phone)));

      for (let replay = 0; replay < 2; replay++)
        expect((await postWebhook(server, body)).status, `replay ${replay + 1}`).toBe(200);

      // After a number change the person, their contact and tickets are under the new number.
      const after = await Promise.all(
        senders.map((phone, index) => threadOf(server, expectation.moves && index === 0 ? moved[0]! : phone)),
      );
      if (expectation.moves)
        expect((await threadOf(server, sender)).count, 'nothing is left under the old number').toBe(0);
      for (const [index, thread] of after.entries())
        expect(thread.count, 'no ticket is opened or lost').toBe(before[index]!.count);
      const { messages, ticket } = after[0]!;
      const added = messages.slice(before[0]!.messages.length);

      if (expectation.nothing || expectation.changes) {
        for (const [index, thread] of after.entries())
          expect(thread.messages.map((message: any) => message.id)).toEqual(
            before[index]!.messages.map((message: any) => message.id),
          );
      }
      if (expectation.reads) {
        expect(added.map((message: any) => message.senderType)).toEqual(expectation.reads.map(() => 'USER'));
        for (const [index, text] of expectation.reads.entries()) expect(added[index].body).toContain(text);
      }
      if (expectation.changes) {
        const changed = messages.at(-1);
        const { after: reads, edited, deleted, reaction } = expectation.changes;
        if (reads) expect(changed.body).toContain(reads);
        if (edited) {
          expect(changed.editedAt).toBeTruthy();
          expect(changed.edits.map((edit: any) => edit.body)).toEqual([expectation.changes.before]);
        }
        if (deleted) {
          expect(changed.deletedByPersonAt).toBeTruthy();
          expect(JSON.stringify(messages)).not.toContain(expectation.changes.before);
        }
        if (reaction !== undefined) {
          expect(changed.personReaction).toBe(reaction);
          expect(changed.body).toBe(expectation.changes.before);
        }
      }
      if (expectation.notice) {
        expect(added.map((message: any) => message.senderType)).toEqual(['SYSTEM']);
        expect(added[0].body).toContain(expectation.notice);
      }
      if (expectation.quotes) expect(added[0].replyTo).toEqual({ body: expectation.quotes });
      if (expectation.forwarded) expect(added[0].forwarded).toBe(expectation.forwarded);
      if (expectation.adHeadline) expect(ticket.referral?.headline).toBe(expectation.adHeadline);
      for (const word of expectation.never ?? [])
        expect(added.map((message: any) => message.body).join('\n')).not.toContain(word);
    });
  }
});
