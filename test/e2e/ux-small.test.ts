// Small things agents noticed in the dashboard (issue 16), each checked in a real browser: the simulated phone
// follows the newest message, the empty list says how tickets arrive, no 404s while loading, a missing ticket
// has a page, a resolved ticket has no reply countdown, counts read "1 ticket", a nameless person's number once.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTicket, eventually, type TestServer } from '../helpers/harness.js';

/** The scroll box's numbers, from inside the page (the tests' TypeScript has no DOM types). */
type ScrollBox = { scrollTop: number; clientHeight: number; scrollHeight: number };

const SEND =
  'mutation($p: String!, $n: String, $t: String, $c: String, $ct: String) { simulatorSend(phoneNumber: $p, name: $n, text: $t, choiceId: $c, choiceTitle: $ct) { id } }';
const REPLY = 'mutation($t: ID!, $b: String!) { sendMessage(ticketId: $t, body: $b) { id } }';
const CLOSE = 'mutation($t: ID!) { closeTicket(ticketId: $t) { id } }';
const WIDTHS = [1440, 375];

/** A person opens a chat-support ticket from the simulated phone; returns the ticket's id. */
async function openFromPhone(server: TestServer, phone: string, name: string, issue: string): Promise<string> {
  const send = (variables: Record<string, string>) => server.ok(SEND, { p: phone, n: name, ...variables });
  await send({ t: 'Hello' });
  await send({ c: 'chat_support', ct: '💬 Chat Support' });
  await send({ t: issue });
  return eventually(
    async () => {
      const { tickets } = await server.ok('{ tickets(first: 100) { edges { node { id phoneNumber } } } }');
      return tickets.edges.find((edge: { node: { phoneNumber: string } }) => edge.node.phoneNumber === phone)?.node
        .id as string | undefined;
    },
    10_000,
    'the ticket from the phone',
  );
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 375 ? 740 : 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(ARTIFACTS, `ux-small-${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe.skipIf(!hasChromium)('small dashboard fixes in a browser', () => {
  const world = useServerAndBrowser();
  const newPage = async (path = '/') => {
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    return signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD, path);
  };

  // First: the desk has no tickets yet.
  it('a new desk says how the first ticket arrives and links the simulator; a filter says it matched nothing', async () => {
    const page = await newPage();
    const empty = page.getByTestId('empty-tickets');
    await empty.waitFor();
    expect(await empty.innerText()).toContain('Chat Support');
    expect(await empty.getByRole('link', { name: /simulator/i }).getAttribute('href')).toBe('/simulator');
    await screenshots(page, 'empty-desk');
    await page.getByLabel('Priority').selectOption('URGENT');
    await page.getByText('No tickets match these filters').waitFor();
    expect(await empty.innerText()).not.toContain('Chat Support');
    await page.context().close();
  });

  it('loads the dashboard without a single 404', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const missing: string[] = [];
    context.on('response', (response) => {
      if (response.status() === 404) missing.push(response.url());
    });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.reload();
    await page.getByTestId('badge').waitFor();
    await page.waitForLoadState('networkidle');
    expect(missing).toEqual([]);
    const icon = await fetch(`${world.server.url}/favicon.ico`, { redirect: 'follow' });
    expect(icon.status).toBe(200);
    await context.close();
  });

  it('the simulated phone follows the newest message, unless the person scrolled up to read', async () => {
    const phone = '447700900777';
    const page = await newPage('/simulator');
    await page.getByLabel('Phone number').fill(phone);
    const ticketId = await openFromPhone(world.server, phone, 'Sol Scroll', 'My timetable is empty');
    for (let line = 1; line <= 12; line += 1) await world.server.ok(SEND, { p: phone, t: `Detail number ${line}` });
    await world.server.ok(REPLY, { t: ticketId, b: 'Hello Sol, the timetable is back now.' });
    const messages = page.locator('.phone-messages');
    await page.getByTestId('phone-message').filter({ hasText: 'the timetable is back now' }).waitFor();
    const atBottom = () =>
      messages.evaluate((element) => {
        const list = element as unknown as ScrollBox;
        return Math.abs(list.scrollTop + list.clientHeight - list.scrollHeight) <= 2;
      });
    await eventually(async () => ((await atBottom()) ? true : undefined), 3000, 'the phone to show the newest message');
    expect(
      await messages.evaluate((element) => {
        const list = element as unknown as ScrollBox;
        return list.scrollHeight > list.clientHeight;
      }),
    ).toBe(true);
    await screenshots(page, 'simulator');
    expect(await atBottom()).toBe(true);

    // Scrolled up to read: a new message does not pull the person down.
    await messages.evaluate((element) => {
      (element as unknown as ScrollBox).scrollTop = 0;
    });
    await world.server.ok(REPLY, { t: ticketId, b: 'Anything else?' });
    await page.getByTestId('phone-message').filter({ hasText: 'Anything else?' }).waitFor();
    await page.waitForTimeout(300);
    expect(await messages.evaluate((element) => (element as unknown as ScrollBox).scrollTop)).toBe(0);
    await page.context().close();
  }, 60_000);

  it('a resolved ticket shows no reply-window countdown', async () => {
    const ticketId = await openFromPhone(world.server, '447700900778', 'Rae Resolved', 'Password reset');
    await world.server.ok(REPLY, { t: ticketId, b: 'Done, try again.' });
    await world.server.ok(CLOSE, { t: ticketId });
    const page = await newPage(`/tickets/${ticketId}`);
    await page.getByRole('heading', { name: /Rae Resolved/ }).waitFor();
    await page.getByText('This ticket is resolved').waitFor();
    expect(await page.getByText(/Reply window closes in/).count()).toBe(0);
    await screenshots(page, 'resolved');
    await page.context().close();
  }, 60_000);

  // After the test above, the desk has resolved exactly one ticket.
  it('Reports count one resolved ticket as "1 ticket"', async () => {
    const page = await newPage('/reports');
    await page.getByText('First response').first().waitFor();
    await page.waitForLoadState('networkidle');
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\b1 (tickets|ratings|messages)\b/);
    expect(text).toMatch(/\b1 ticket\b/);
    await screenshots(page, 'reports');
    await page.context().close();
  }, 60_000);

  it('a person without a name shows their number once, in the list and in the ticket', async () => {
    const ticket = await createTicket(world.server, {
      phoneNumber: '447700900779',
      senderName: undefined,
      issueDescription: 'No name here',
    });
    expect(ticket.senderName).toBeNull();
    const page = await newPage(`/tickets/${ticket.id}`);
    const number = '+447700900779';
    const occurrences = (text: string) => text.split(number).length - 1;
    const row = page.getByTestId('ticket-row').filter({ hasText: number });
    await row.waitFor();
    expect(occurrences(await row.locator('.row-top').innerText())).toBe(1);
    const head = page.locator('.detail-head');
    await head.waitFor();
    expect(occurrences(await head.innerText())).toBe(1);
    await page.context().close();
  });

  it('a missing ticket has a page in the app with a way back to the list', async () => {
    const page = await newPage('/tickets/999999');
    await page.getByRole('heading', { name: 'Ticket not found' }).waitFor();
    const back = page.getByRole('link', { name: 'Back to the ticket list' });
    expect(await back.getAttribute('href')).toBe('/');
    await screenshots(page, 'missing');
    await back.click();
    await page.waitForURL(`${world.server.url}/`);
    await page.context().close();
  });
});
