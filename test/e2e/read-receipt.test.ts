// Colour is never the only signal (issue 16, accessibility): a reply the person has read says "Read" beside its
// blue ticks, so that it differs from a delivered one without colour; its screen-reader label says the same.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useBrowserWithCloudApi } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, postWebhook, receipt } from '../helpers/harness.js';
import { openTicketOnWhatsapp } from '../helpers/whatsapp-person.js';

describe.skipIf(!hasChromium)('delivery ticks without colour', () => {
  const world = useBrowserWithCloudApi();

  it('marks a read reply with the word Read, and a delivered one without it', async () => {
    const { server, standIn } = world;
    const phone = '447700900777';
    const { id } = await openTicketOnWhatsapp(server, standIn, phone, { name: 'Rex Reader' });
    for (const body of ['First reply', 'Second reply'])
      await server.ok('mutation($id: ID!, $b: String!) { sendMessage(ticketId: $id, body: $b) { id } }', {
        id,
        b: body,
      });
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 5);
    const [first, second] = standIn.messagesTo(phone).slice(3);
    expect((await postWebhook(server, receipt(first!.answeredId!, 'read', phone))).status).toBe(200);
    expect((await postWebhook(server, receipt(second!.answeredId!, 'delivered', phone))).status).toBe(200);

    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, `/tickets/${id}`);
    const read = page.locator('.ticks-read');
    await read.waitFor();
    expect(await read.innerText()).toContain('Read');
    expect(await read.getAttribute('aria-label')).toBe('Read');
    const delivered = page.locator('.ticks-delivered');
    await delivered.waitFor();
    expect(await delivered.innerText()).not.toContain('Read');
    expect(await delivered.getAttribute('aria-label')).toBe('Delivered');
    await page.locator('.thread').screenshot({ path: join(ARTIFACTS, 'read-receipt-1440.png') });
    await context.close();
  }, 90_000);
});
