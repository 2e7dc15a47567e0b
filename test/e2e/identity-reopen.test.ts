// In a browser: a person who shares no number (a WhatsApp username) shows as @username where a number would be,
// and their ticket, reopened by their message after it was resolved, is back in the open list with a notice.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useBrowserWithCloudApi } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, delivery, postWebhook } from '../helpers/harness.js';

describe.skipIf(!hasChromium)('a username contact and a reopened ticket in a browser', () => {
  const world = useBrowserWithCloudApi();
  const userId = `US.${Date.now()}77`;
  let sent = 0;

  const personWrites = async (text: string) => {
    const body = delivery({
      contacts: [{ profile: { name: 'Noor Haddad', username: 'noor.h' }, user_id: userId }],
      messages: [
        {
          from_user_id: userId,
          id: `wamid.E2EID${Date.now()}x${++sent}`,
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: 'text',
          text: { body: text },
        },
      ],
    });
    expect((await postWebhook(world.server, body)).status).toBe(200);
  };

  it('shows @username for a person without a number, and the reopened ticket with its notice, at 1440 and 375 px', async () => {
    const { server, standIn } = world;
    for (const text of ['hello', '1', 'My library card stopped working']) await personWrites(text);
    await standIn.waitFor(() => standIn.messagesTo(userId).length === 3);
    const { tickets } = await server.ok(
      'query($p: String!) { tickets(first: 1, filter: { phoneNumber: $p }) { edges { node { id } } } }',
      { p: userId },
    );
    const id = tickets.edges[0].node.id;
    await server.ok('mutation($id: ID!) { sendMessage(ticketId: $id, body: "It is fixed now, try again.") { id } }', {
      id,
    });
    await server.ok('mutation($id: ID!) { closeTicket(ticketId: $id) { id } }', { id });
    await personWrites('Thanks! It works at the desk but not at the gate.');
    await standIn.waitFor(() => standIn.messagesTo(userId).length === 5); // the reply and the closing message, each to `recipient`
    expect(
      standIn.messagesTo(userId).every((request) => request.body.recipient === userId && !('to' in request.body)),
    ).toBe(true);

    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const row = page
      .getByRole('region', { name: 'Tickets' })
      .getByTestId('ticket-row')
      .filter({ hasText: 'Noor Haddad' });
    await row.waitFor();
    expect(await row.innerText()).toContain('@noor.h');
    expect(await row.innerText()).not.toContain(userId);
    await row.click();
    await page
      .getByTestId('message')
      .filter({ hasText: 'Reopened: the person wrote again after this ticket was resolved.' })
      .waitFor();
    await page.getByTestId('message').filter({ hasText: 'It works at the desk but not at the gate.' }).waitFor();
    expect(await page.locator('.detail-head').innerText()).toContain('@noor.h');
    await page.screenshot({ path: join(ARTIFACTS, 'reopened-username-1440.png') });

    await page.getByRole('link', { name: 'Contact & history' }).click();
    await page.getByRole('heading', { name: 'Noor Haddad' }).waitFor();
    expect(await page.locator('.detail-head').innerText()).toContain('@noor.h');
    await page.screenshot({ path: join(ARTIFACTS, 'username-contact-1440.png') });
    await context.close();

    const narrow = await world.browser.newContext({ viewport: { width: 375, height: 800 }, locale: 'en-GB' });
    const mobile = await signIn(narrow, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, `/tickets/${id}`);
    await mobile.getByTestId('message').filter({ hasText: 'Reopened: the person wrote again' }).waitFor();
    expect(await mobile.locator('.detail-head').innerText()).toContain('@noor.h');
    expect(await mobile.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await mobile.screenshot({ path: join(ARTIFACTS, 'reopened-username-375.png'), fullPage: true });
    await narrow.close();
  });
});
