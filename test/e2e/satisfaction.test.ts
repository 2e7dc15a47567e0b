// The satisfaction survey in a real browser: when the person taps a rating and comments on WhatsApp, the open
// dashboard shows the badge in the ticket list and the rating with its comment on the ticket, live.
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useBrowserWithCloudApi } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, delivery, inboundText, postWebhook, uniquePhone } from '../helpers/harness.js';
import { openTicketOnWhatsapp } from '../helpers/whatsapp-person.js';

describe.skipIf(!hasChromium)('the satisfaction survey in a browser', () => {
  const world = useBrowserWithCloudApi({ CSAT_SURVEY: 'on' });

  it('a rating and its comment appear on the resolved ticket and as a badge in the list', async () => {
    const { server, standIn, browser } = world;
    const phone = uniquePhone();
    const { id: ticketId } = await openTicketOnWhatsapp(server, standIn, phone, {
      name: 'Ola Ben',
      issue: 'my transcript is wrong',
    });
    await server.ok('mutation($id: ID!) { closeTicket(ticketId: $id) { id } }', { id: ticketId });
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 5);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(10_000);
    const page = await signIn(context, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, `/tickets/${ticketId}`);
    await page.getByRole('heading', { name: /Ola Ben/ }).waitFor();
    await page.locator('.filters select').first().selectOption('all');
    const row = page.locator('.row-meta').first();
    await row.waitFor();

    const tap = delivery({
      contacts: [{ profile: { name: 'Ola Ben' }, wa_id: phone }],
      messages: [
        {
          from: phone,
          id: `wamid.E2ECSAT${Date.now()}`,
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: 'interactive',
          interactive: { type: 'button_reply', button_reply: { id: `csat:${ticketId}:good`, title: '😊 Good' } },
        },
      ],
    });
    await postWebhook(server, tap);
    await page.getByTestId('satisfaction').getByLabel('Rated Good').waitFor();
    await postWebhook(server, inboundText(phone, 'Sorted in minutes').body);
    await page.getByTestId('satisfaction').getByText('Sorted in minutes').waitFor();
    await row.getByLabel('Rated Good').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'satisfaction.png') });
    await context.close();
  });
});
