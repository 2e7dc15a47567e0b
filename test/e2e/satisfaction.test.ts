// The satisfaction survey in a real browser: when the person taps a rating and comments on WhatsApp, the open
// dashboard shows the badge in the ticket list and the rating with its comment on the ticket, live.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ARTIFACTS, hasChromium, launchBrowser, signIn } from '../helpers/browser.js';
import { startCloudApiStandIn, type CloudApiStandIn } from '../helpers/cloud-api-stand-in.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, delivery, inboundText, postWebhook, startServer, uniquePhone, type TestServer } from '../helpers/harness.js';

describe.skipIf(!hasChromium)('the satisfaction survey in a browser', () => {
  let standIn: CloudApiStandIn;
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    standIn = await startCloudApiStandIn();
    server = await startServer('sqlite', standIn.env());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await standIn?.close();
  });

  it('a rating and its comment appear on the resolved ticket and as a badge in the list', async () => {
    const phone = uniquePhone();
    for (const text of ['hi', '1', 'my transcript is wrong']) {
      await postWebhook(server, inboundText(phone, text, { name: 'Ola Ben' }).body);
    }
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 3);
    const found = await server.ok('query($phone: String!) { tickets(first: 1, filter: { phoneNumber: $phone }) { edges { node { id } } } }', { phone });
    const ticketId = found.tickets.edges[0].node.id as string;
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
      messages: [{ from: phone, id: `wamid.E2ECSAT${Date.now()}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: `csat:${ticketId}:good`, title: '😊 Good' } } }],
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
