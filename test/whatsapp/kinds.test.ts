// Kinds of message that change what agents see beyond a new line: a person's first open of the chat, edits,
// deletions, reactions, quoted replies, orders, Flow answers, places and the ad a person came from.
import { describe, expect, it } from 'vitest';
import { tinyPng } from '../helpers/png.js';
import { openTicketOnWhatsapp } from '../helpers/whatsapp-person.js';
import {
  databases,
  eventually,
  inboundMessage,
  inboundText,
  postWebhook,
  uniquePhone,
  useServerWithCloudApi,
} from '../helpers/harness.js';

const THREAD = `query($phone: String!) { tickets(first: 1, filter: { phoneNumber: $phone }) { totalCount edges { node {
  id status issueDescription lastMessage { body } referral { headline sourceUrl sourceType ctwaClid }
  messages(last: 50) { edges { node { id body senderType editedAt edits { body replacedAt } deletedByPersonAt personReaction forwarded
    replyTo { id body } location { latitude longitude name mapUrl } order { catalogId text total currency items { retailerId quantity itemPrice currency } }
    formAnswers { label value } attachment { id url } } } } } } } }`;

describe.each(databases)('kinds of WhatsApp message on %s', (kind) => {
  const world = useServerWithCloudApi(kind, { MEDIA_POLL_MS: '50' });
  const thread = async (phone: string) => {
    const tickets = (await world.server.ok(THREAD, { phone })).tickets;
    return {
      count: tickets.totalCount as number,
      ticket: tickets.edges[0]?.node,
      messages: (tickets.edges[0]?.node.messages.edges ?? []).map((edge: any) => edge.node),
    };
  };
  const post = async (body: string) => expect((await postWebhook(world.server, body)).status).toBe(200);
  const search = async (text: string) =>
    (
      await world.server.ok(
        'query($s: String) { tickets(first: 20, filter: { search: $s }) { edges { node { id } } } }',
        { s: text },
      )
    ).tickets.edges.map((edge: any) => edge.node.id);

  it('a person opening the chat for the first time gets the greeting and menu, and no ticket or line', async () => {
    const phone = uniquePhone();
    await post(inboundMessage(phone, { type: 'request_welcome' }).body);
    await world.standIn.waitFor(() => world.standIn.messagesTo(phone).length === 1);
    expect(world.standIn.messagesTo(phone)[0]!.body.type).toBe('interactive');
    expect((await thread(phone)).count).toBe(0);

    // With a ticket open, opening the chat again adds nothing to its thread.
    const { id } = await openTicketOnWhatsapp(world.server, world.standIn, phone);
    const before = (await thread(phone)).messages.length;
    await post(inboundMessage(phone, { type: 'request_welcome' }).body);
    expect((await thread(phone)).messages.length).toBe(before);
    expect((await thread(phone)).ticket.id).toBe(id);
  });

  it('an edit shows the new text marked edited, keeps the old one in the history, and search follows it', async () => {
    const phone = uniquePhone();
    await openTicketOnWhatsapp(world.server, world.standIn, phone, { issue: 'My parcel 7731 is late' });
    const original = inboundText(phone, 'Where is parcel zebra-7731?');
    await post(original.body);
    await post(
      inboundMessage(phone, {
        type: 'edit',
        edit: {
          original_message_id: original.id,
          message: { type: 'text', text: { body: 'Where is parcel okapi-7732?' } },
        },
      }).body,
    );
    const { messages, ticket } = await thread(phone);
    const edited = messages.find((message: any) => message.body === 'Where is parcel okapi-7732?');
    expect(edited.editedAt).toBeTruthy();
    expect(edited.edits.map((edit: any) => edit.body)).toEqual(['Where is parcel zebra-7731?']);
    expect(messages.filter((message: any) => message.senderType === 'USER')).toHaveLength(2); // the issue and the edited message
    expect(ticket.lastMessage.body).toBe('Where is parcel okapi-7732?');
    expect(await search('okapi-7732')).toContain(ticket.id);
    expect(await search('zebra-7731')).not.toContain(ticket.id);
  });

  it('a message the person deleted reads as deleted, without its text or file, and is no longer found', async () => {
    const phone = uniquePhone();
    await openTicketOnWhatsapp(world.server, world.standIn, phone);
    const mediaId = `media-revoked-${kind}`;
    world.standIn.addMedia(mediaId, { bytes: tinyPng(8, [200, 30, 30]), mimeType: 'image/png' });
    const secret = inboundMessage(phone, {
      type: 'image',
      image: { id: mediaId, mime_type: 'image/png', caption: 'passport scan walrus-51' },
    });
    await post(secret.body);
    const url = await eventually(
      async () => ((await thread(phone)).messages.at(-1).attachment?.url ?? undefined) as string | undefined,
      10_000,
      'the photo to be stored',
    );
    expect((await fetch(world.server.url + url)).status).toBe(200);
    await post(inboundMessage(phone, { type: 'revoke', revoke: { original_message_id: secret.id } }).body);
    expect((await fetch(world.server.url + url)).status).toBe(404);
    const { messages, ticket } = await thread(phone);
    const deleted = messages.at(-1);
    expect(deleted).toMatchObject({ body: '🚫 Deleted by the person', attachment: null, edits: [] });
    expect(deleted.deletedByPersonAt).toBeTruthy();
    expect(JSON.stringify(messages)).not.toContain('walrus-51');
    expect(await search('walrus-51')).not.toContain(ticket.id);
  });

  it("a reaction to an agent's reply shows on that reply, adds no line and leaves a resolved ticket resolved", async () => {
    const phone = uniquePhone();
    const { id } = await openTicketOnWhatsapp(world.server, world.standIn, phone);
    await world.server.ok(
      'mutation($id: ID!) { sendMessage(ticketId: $id, body: "Your refund is on its way") { id } }',
      { id },
    );
    await world.standIn.waitFor(() =>
      world.standIn.messagesTo(phone).some((request) => request.body.text?.body === 'Your refund is on its way'),
    );
    const wamid = world.standIn
      .messagesTo(phone)
      .find((request) => request.body.text?.body === 'Your refund is on its way')!.answeredId!;
    await eventually(async () =>
      (await thread(phone)).messages.at(-1).body === 'Your refund is on its way' ? true : undefined,
    );
    await world.server.ok('mutation($t: ID!) { setTicketStatus(ticketId: $t, status: RESOLVED) { id } }', { t: id });
    const before = (await thread(phone)).messages.length;
    await post(inboundMessage(phone, { type: 'reaction', reaction: { message_id: wamid, emoji: '🙏' } }).body);
    const { messages, ticket } = await thread(phone);
    expect(messages).toHaveLength(before);
    expect(messages.find((message: any) => message.body === 'Your refund is on its way').personReaction).toBe('🙏');
    expect(ticket.status).toBe('RESOLVED');
  });

  it('a quoted reply names the message it answers; forwards are marked', async () => {
    const phone = uniquePhone();
    await openTicketOnWhatsapp(world.server, world.standIn, phone);
    const question = inboundText(phone, 'Is the shop open on Sunday?');
    await post(question.body);
    await post(
      inboundMessage(phone, {
        type: 'text',
        text: { body: 'I mean this Sunday' },
        context: { from: '15550001111', id: question.id },
      }).body,
    );
    await post(
      inboundMessage(phone, {
        type: 'text',
        text: { body: 'Look at this rumour' },
        context: { frequently_forwarded: true },
      }).body,
    );
    const { messages } = await thread(phone);
    const reply = messages.find((message: any) => message.body === 'I mean this Sunday');
    expect(reply.replyTo.body).toBe('Is the shop open on Sunday?');
    expect(messages.at(-1).forwarded).toBe('FREQUENTLY_FORWARDED');
  });

  it('an order, a Flow form and a place read as what they are, and search finds what is in them', async () => {
    const phone = uniquePhone();
    await openTicketOnWhatsapp(world.server, world.standIn, phone);
    const order = {
      catalog_id: '9001',
      text: 'Gift wrap please',
      product_items: [
        { product_retailer_id: 'MUG-ORCA', quantity: 2, item_price: 7.5, currency: 'EUR' },
        { product_retailer_id: 'TEA-GREEN', quantity: 1, item_price: 4, currency: 'EUR' },
      ],
    };
    await post(inboundMessage(phone, { type: 'order', order }).body);
    const form = { flow_token: 'secret-token-x', screen_0_Full_name_0: 'Ann Lee', screen_0_Visit_date_1: '2024-05-01' };
    await post(
      inboundMessage(phone, {
        type: 'interactive',
        interactive: {
          type: 'nfm_reply',
          nfm_reply: { name: 'flow', body: 'Sent', response_json: JSON.stringify(form) },
        },
      }).body,
    );
    await post(
      inboundMessage(phone, {
        type: 'location',
        location: { latitude: 52.52, longitude: 13.405, name: 'Brandenburg Gate' },
      }).body,
    );
    const { messages, ticket } = await thread(phone);
    const [orderMessage, formMessage, place] = messages.slice(-3);
    expect(orderMessage.body).toBe(
      '🛒 Order: 2 × MUG-ORCA (7.5 EUR each) · 1 × TEA-GREEN (4 EUR each) · Total 19.00 EUR · “Gift wrap please” · catalog 9001',
    );
    expect(orderMessage.order).toMatchObject({
      catalogId: '9001',
      text: 'Gift wrap please',
      total: '19.00',
      currency: 'EUR',
    });
    expect(orderMessage.order.items[0]).toEqual({
      retailerId: 'MUG-ORCA',
      quantity: '2',
      itemPrice: '7.5',
      currency: 'EUR',
    });
    expect(formMessage.body).toBe('📝 Form: Full name: Ann Lee · Visit date: 2024-05-01');
    expect(formMessage.formAnswers).toEqual([
      { label: 'Full name', value: 'Ann Lee' },
      { label: 'Visit date', value: '2024-05-01' },
    ]);
    expect(JSON.stringify(messages)).not.toContain('secret-token-x');
    expect(place.location).toEqual({
      latitude: 52.52,
      longitude: 13.405,
      name: 'Brandenburg Gate',
      mapUrl: 'https://www.openstreetmap.org/?mlat=52.52&mlon=13.405#map=17/52.52/13.405',
    });
    expect(await search('MUG-ORCA')).toContain(ticket.id);
    expect(await search('Visit date: 2024-05-01')).toContain(ticket.id);
  });

  it('the ad a person came from is shown on the ticket their message opens', async () => {
    const phone = uniquePhone();
    const referral = {
      source_url: 'https://fb.me/ad-123',
      source_id: '120200',
      source_type: 'ad',
      headline: 'Summer courses -20%',
      body: 'Enrol now',
      media_type: 'image',
      ctwa_clid: 'ARAkLkA8rmlF',
    };
    await post(inboundText(phone, 'hi').body);
    await post(inboundText(phone, '1').body);
    await post(
      inboundMessage(phone, { type: 'text', text: { body: 'Tell me about the summer course' }, referral }).body,
    );
    const { ticket } = await eventually(async () => {
      const found = await thread(phone);
      return found.ticket ? found : undefined;
    });
    expect(ticket.referral).toEqual({
      headline: 'Summer courses -20%',
      sourceUrl: 'https://fb.me/ad-123',
      sourceType: 'ad',
      ctwaClid: 'ARAkLkA8rmlF',
    });
  });
});
