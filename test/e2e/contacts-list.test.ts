// Contacts in a browser: the list at /contacts (searched, each row opening the contact, a link to the open ticket,
// an empty state), and the contact panel beside a ticket's thread, folded behind a button on a phone.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, delivery, postWebhook } from '../helpers/harness.js';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 740 };
const RITA = '447700900901';
const NAMELESS = '447700900902';
const JO_ID = 'US.17700900903';

const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');
const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe.skipIf(!hasChromium)('contacts in a browser', () => {
  const world = useServerAndBrowser();
  let ritaOpen = '';

  const ticket = async (phoneNumber: string, issueDescription: string, senderName?: string) =>
    (
      await world.server.ok('mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }', {
        i: { phoneNumber, issueDescription, ...(senderName ? { senderName } : {}) },
      })
    ).createTicket.id as string;

  it('lists contacts most recently in contact first, finds them by name, number or username, and opens them', async () => {
    const context = await world.browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByText('No contacts yet.').waitFor();
    expect(await page.locator('.empty-contacts').innerText()).toContain('appears here when someone writes');
    await page.screenshot({ path: join(ARTIFACTS, 'contacts-empty-1440.png') });

    const earlier = await ticket(RITA, 'Locked out of the portal last term', 'Rita Okoro');
    await world.server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: earlier });
    ritaOpen = await ticket(RITA, 'My exam timetable is missing a course', 'Rita Okoro');
    await ticket(NAMELESS, 'No name given');
    const joWrites = delivery({
      contacts: [{ profile: { name: 'Jo Learns', username: 'jo.learns' }, user_id: JO_ID }],
      messages: [
        {
          from_user_id: JO_ID,
          id: 'wamid.CONTACTSLIST1',
          timestamp: String(Math.floor(Date.now() / 1000) + 5),
          type: 'text',
          text: { body: 'hello' },
        },
      ],
    });
    const response = await postWebhook(world.server, joWrites, {
      secret: world.server.server.services.config.whatsapp.appSecret,
    });
    expect(response.status).toBe(200);

    await page.reload();
    const rows = page.getByTestId('contact-row');
    await rows.nth(2).waitFor();
    // Jo wrote last, then the nameless person's ticket, then Rita's.
    const texts = await rows.allInnerTexts();
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain('@jo.learns');
    expect(texts[0]).toContain('0 tickets');
    expect(occurrences(texts[1]!, '+447700900902')).toBe(1);
    expect(texts[1]).toContain('1 ticket');
    expect(texts[2]).toContain('Rita Okoro');
    expect(texts[2]).toContain('+447700900901');
    expect(texts[2]).toContain('2 tickets');
    expect(texts[2]).toContain(`Open ticket #${ritaOpen}`);
    expect(texts[2]).toMatch(/just now|min ago/);
    await page.screenshot({ path: join(ARTIFACTS, 'contacts-list-1440.png') });

    const search = page.getByRole('searchbox', { name: 'Search contacts' });
    const shows = async (text: string, expected: string[]) => {
      await search.fill(text);
      // The list shows what the debounced search found: exactly these rows, in this order.
      const matches = (found: string[]) =>
        found.length === expected.length && expected.every((part, index) => found[index]!.includes(part));
      await expect.poll(async () => matches(await rows.allInnerTexts()), { timeout: 5000 }).toBe(true);
    };
    await shows('rita', ['Rita Okoro']);
    await shows('+44 7700 900902', ['+447700900902']);
    await shows('@jo.le', ['@jo.learns']);
    await search.fill('nobody by this name');
    await page.getByText('No contact’s name, number or username contains “nobody by this name”.').waitFor();
    await shows('', ['@jo.learns', '+447700900902', 'Rita Okoro']);

    // A row opens the contact; their page names a nameless person once.
    await rows.nth(1).click();
    await page.locator('#contact-title').waitFor();
    expect(occurrences(await page.locator('.contact-page .detail-head').innerText(), '+447700900902')).toBe(1);
    await page.getByRole('button', { name: 'Back to contacts' }).click();
    await rows
      .nth(2)
      .getByRole('link', { name: `Open ticket #${ritaOpen}` })
      .click();
    await page.waitForURL(`**/tickets/${ritaOpen}`);
    await page.locator('#ticket-title').filter({ hasText: 'Rita Okoro' }).waitFor();

    const narrow = await world.browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const mobile = await signIn(narrow, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD, '/contacts');
    await mobile.getByTestId('contact-row').nth(2).waitFor();
    expect(await pageWidth(mobile)).toBeLessThanOrEqual(PHONE.width);
    for (const row of await mobile.getByTestId('contact-row').all()) {
      const box = await row.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    }
    await mobile.screenshot({ path: join(ARTIFACTS, 'contacts-list-375.png'), fullPage: true });
    await Promise.all([context.close(), narrow.close()]);
  }, 90_000);

  it('shows the contact beside the thread at 1440 px and behind a Contact button at 375 px', async () => {
    const { createLabel } = await world.server.ok(
      'mutation { createLabel(input: { name: "Exams", color: "#1f6feb" }) { id } }',
    );
    const earlier = (
      await world.server.ok(
        'query($p: String!) { contact(phoneNumber: $p) { tickets(first: 2) { edges { node { id } } } } }',
        {
          p: RITA,
        },
      )
    ).contact.tickets.edges[1].node.id;
    await world.server.ok('mutation($t: [ID!]!, $l: [ID!]!) { addLabels(ticketIds: $t, labelIds: $l) { id } }', {
      t: [earlier],
      l: [createLabel.id],
    });

    const context = await world.browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD, `/tickets/${ritaOpen}`);
    const panel = page.getByTestId('contact-panel');
    await panel.getByText('+447700900901').waitFor();
    const thread = page.getByRole('list', { name: 'Messages' });
    const [panelBox, threadBox] = [await panel.boundingBox(), await thread.boundingBox()];
    expect(panelBox!.x).toBeGreaterThanOrEqual(threadBox!.x + threadBox!.width);
    expect(await page.getByRole('button', { name: 'Contact', exact: true }).isVisible()).toBe(false);
    await panel.getByTestId('contact-label').filter({ hasText: 'Exams' }).waitFor();
    expect(await panel.getByTestId('contact-ticket').count()).toBe(2);
    expect(await panel.locator('.contact-ticket.current').innerText()).toContain(`#${ritaOpen}`);

    // Notes and the name are edited in the panel, as on the contact page.
    await panel.getByLabel('Notes for agents').fill('Prefers WhatsApp after 5pm');
    await panel.getByRole('button', { name: 'Save notes' }).click();
    await panel.getByTestId('notes-status').filter({ hasText: 'Saved' }).waitFor();
    await panel.getByLabel('Name').fill('Rita A. Okoro');
    await panel.getByRole('button', { name: 'Save details' }).click();
    await panel.getByRole('link', { name: 'Rita A. Okoro' }).waitFor();
    const saved = await world.server.ok('query($p: String!) { contact(phoneNumber: $p) { name notes } }', { p: RITA });
    expect(saved.contact).toEqual({ name: 'Rita A. Okoro', notes: 'Prefers WhatsApp after 5pm' });
    await page.screenshot({ path: join(ARTIFACTS, 'contact-panel-1440.png') });
    // The panel is the contact part of the ticket: no second copy of the notes in the header.
    expect(await page.locator('.contact-notes-preview').isVisible()).toBe(false);

    const narrow = await world.browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const mobile = await signIn(narrow, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD, `/tickets/${ritaOpen}`);
    const reply = mobile.getByRole('textbox', { name: 'Reply to the customer' });
    await reply.waitFor();
    expect(await mobile.getByTestId('contact-panel').isVisible()).toBe(false);
    await mobile.screenshot({ path: join(ARTIFACTS, 'contact-panel-folded-375.png') });
    const toggle = mobile.getByRole('button', { name: 'Contact', exact: true });
    await toggle.click();
    const mobilePanel = mobile.getByTestId('contact-panel');
    await mobilePanel
      .getByText('Prefers WhatsApp after 5pm')
      .or(mobilePanel.getByLabel('Notes for agents'))
      .first()
      .waitFor();
    expect(await mobilePanel.getByLabel('Notes for agents').inputValue()).toBe('Prefers WhatsApp after 5pm');
    expect(await pageWidth(mobile)).toBeLessThanOrEqual(PHONE.width);
    const box = await mobilePanel.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await mobile.screenshot({ path: join(ARTIFACTS, 'contact-panel-375.png') });
    await mobile.getByRole('button', { name: 'Close the contact panel' }).click();
    expect(await mobilePanel.isVisible()).toBe(false);
    expect(await reply.isVisible()).toBe(true);
    await Promise.all([context.close(), narrow.close()]);
  }, 90_000);
});
