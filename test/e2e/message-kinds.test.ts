// The kinds of WhatsApp message as an agent sees them in a real browser: the ad the person came from on the
// ticket, a quoted reply, a forward, an order's lines, a Flow's answers, a place with a map link, an edit
// (live, with the earlier text a click away), a deleted message and a reaction on the agent's reply.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useBrowserWithCloudApi } from '../helpers/browser.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  eventually,
  inboundMessage,
  inboundText,
  postWebhook,
  uniquePhone,
} from '../helpers/harness.js';

describe.skipIf(!hasChromium)('kinds of message in the thread, in a browser', () => {
  const world = useBrowserWithCloudApi();

  it('shows each kind as what it is, at desktop and phone widths', async () => {
    const phone = uniquePhone();
    const name = 'Lena Kinds';
    const send = async (payload: { body: string }) =>
      expect((await postWebhook(world.server, payload.body)).status).toBe(200);
    const referral = {
      source_url: 'https://fb.me/summer-ad',
      source_id: '120200',
      source_type: 'ad',
      headline: 'Summer courses −20%',
      body: 'Enrol before June',
      media_type: 'image',
      ctwa_clid: 'ARAkLk',
    };
    await send(inboundText(phone, 'hi', { name }));
    await send(inboundText(phone, '1', { name }));
    await send(
      inboundMessage(phone, { type: 'text', text: { body: 'Is the summer course still open?' }, referral }, { name }),
    );
    const ticketId = await eventually(async () => {
      const data = await world.server.ok(
        'query($p: String) { tickets(first: 1, filter: { phoneNumber: $p }) { edges { node { id } } } }',
        { p: phone },
      );
      return data.tickets.edges[0]?.node.id as string | undefined;
    });
    await world.server.ok(
      'mutation($id: ID!) { sendMessage(ticketId: $id, body: "Yes! Which week suits you?") { id } }',
      { id: ticketId },
    );
    await world.standIn.waitFor(() =>
      world.standIn.messagesTo(phone).some((request) => request.body.text?.body === 'Yes! Which week suits you?'),
    );
    const agentWamid = world.standIn
      .messagesTo(phone)
      .find((request) => request.body.text?.body === 'Yes! Which week suits you?')!.answeredId!;
    await send(
      inboundMessage(
        phone,
        { type: 'text', text: { body: 'The second week of July' }, context: { from: '15550001111', id: agentWamid } },
        { name },
      ),
    );
    await send(
      inboundMessage(
        phone,
        { type: 'text', text: { body: 'My friend sent me this timetable' }, context: { forwarded: true } },
        { name },
      ),
    );
    const order = {
      catalog_id: '9001',
      text: 'Two seats please',
      product_items: [
        { product_retailer_id: 'COURSE-JULY-W2', quantity: 2, item_price: 120, currency: 'EUR' },
        { product_retailer_id: 'BOOK-A1', quantity: 1, item_price: 15.5, currency: 'EUR' },
      ],
    };
    await send(inboundMessage(phone, { type: 'order', order }, { name }));
    const form = {
      flow_token: 'tok-hidden',
      screen_0_Full_name_0: 'Lena Kinds',
      screen_0_Level_1: 'Beginner',
      screen_0_Start_date_2: '2024-07-08',
    };
    await send(
      inboundMessage(
        phone,
        {
          type: 'interactive',
          interactive: {
            type: 'nfm_reply',
            nfm_reply: { name: 'flow', body: 'Sent', response_json: JSON.stringify(form) },
          },
        },
        { name },
      ),
    );
    await send(
      inboundMessage(
        phone,
        {
          type: 'location',
          location: { latitude: 52.52, longitude: 13.405, name: 'Language school', address: 'Pariser Platz 1, Berlin' },
        },
        { name },
      ),
    );
    const typo = inboundText(phone, 'I can pay on Mondy', { name });
    await send(typo);
    const oops = inboundText(phone, 'My card is 4111 1111 1111 1111', { name });
    await send(oops);
    await send(inboundMessage(phone, { type: 'revoke', revoke: { original_message_id: oops.id } }, { name }));

    const context = await world.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD, `/tickets/${ticketId}`);
    page.setDefaultTimeout(8000);
    const thread = page.getByRole('list', { name: 'Messages' });
    await thread.getByTestId('message').filter({ hasText: 'I can pay on Mondy' }).waitFor();

    await expect.poll(() => page.getByTestId('referral').innerText()).toContain('Came from ad “Summer courses −20%”');
    const reply = thread.getByTestId('message').filter({ hasText: 'The second week of July' });
    expect(await reply.locator('.quoted').innerText()).toContain('Yes! Which week suits you?');
    expect(
      await thread.getByTestId('message').filter({ hasText: 'My friend sent me this timetable' }).innerText(),
    ).toContain('↪ Forwarded');
    const orderBubble = thread.getByTestId('message').filter({ hasText: 'COURSE-JULY-W2' });
    expect(await orderBubble.innerText()).toMatch(
      /2 ×\s+COURSE-JULY-W2\s+120 EUR[\s\S]*Total\s+255.50 EUR[\s\S]*“Two seats please”/,
    );
    const formBubble = thread.getByTestId('message').filter({ hasText: '📝 Form' });
    expect(await formBubble.innerText()).toMatch(/Level\s+Beginner/);
    expect(await formBubble.innerText()).not.toContain('tok-hidden');
    expect(await thread.getByRole('link', { name: 'Open on a map' }).getAttribute('href')).toContain('mlat=52.52');
    const deleted = thread.getByTestId('message').filter({ hasText: '🚫 Deleted by the person' });
    await deleted.waitFor();
    expect(await thread.innerText()).not.toContain('4111');

    // While the agent looks: the person corrects a typo and reacts to the agent's answer.
    await send(
      inboundMessage(
        phone,
        {
          type: 'edit',
          edit: { original_message_id: typo.id, message: { type: 'text', text: { body: 'I can pay on Monday' } } },
        },
        { name },
      ),
    );
    await send(
      inboundMessage(phone, { type: 'reaction', reaction: { message_id: agentWamid, emoji: '👍' } }, { name }),
    );
    const edited = thread.getByTestId('message').filter({ hasText: 'I can pay on Monday' });
    await edited.waitFor();
    await edited.getByText(/edited/).click();
    await expect.poll(() => edited.innerText()).toContain('I can pay on Mondy');
    await thread.getByLabel('Customer reacted 👍').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'message-kinds-1440.png') });
    await thread
      .getByTestId('message')
      .filter({ hasText: 'Yes! Which week suits you?' })
      .first()
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'message-kinds-1440-earlier.png') });

    const narrow = await world.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-GB' });
    const mobile = await signIn(narrow, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD, `/tickets/${ticketId}`);
    const mobileThread = mobile.getByRole('list', { name: 'Messages' });
    await mobileThread.getByTestId('message').filter({ hasText: 'COURSE-JULY-W2' }).waitFor();
    await mobileThread.getByTestId('message').filter({ hasText: 'COURSE-JULY-W2' }).scrollIntoViewIfNeeded();
    await mobile.screenshot({ path: join(ARTIFACTS, 'message-kinds-375.png') });
    // No bubble (order table, form, quoted message) is wider than the phone.
    const widest = `Math.max(...[...document.querySelectorAll('[data-testid="message"] *')].map((element) => element.getBoundingClientRect().right))`;
    expect(await mobile.evaluate<number>(widest)).toBeLessThanOrEqual(375);
    await Promise.all([context.close(), narrow.close()]);
  }, 90_000);
});
