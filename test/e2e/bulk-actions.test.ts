// Bulk actions in a real browser: shift-click a range of tickets, resolve them (each person gets the closing message),
// read what happened, including the one that could not be; assign a selection to another agent; Esc and x.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useBrowserWithCloudApi } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, uniquePhone } from '../helpers/harness.js';

describe.skipIf(!hasChromium)('bulk actions in a browser', () => {
  const world = useBrowserWithCloudApi({ OUTBOX_POLL_MS: '20' });

  const open = async (name: string) => {
    const phoneNumber = uniquePhone();
    const { createTicket } = await world.server.ok(
      'mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }',
      { i: { phoneNumber, senderName: name, issueDescription: `${name} needs help with enrolment` } },
    );
    return { id: createTicket.id as string, phoneNumber, name };
  };
  const rows = (page: Page) => page.getByRole('region', { name: 'Tickets' }).getByTestId('ticket-row');
  const box = (page: Page, name: string) => page.getByLabel(`Select the ticket from ${name}`, { exact: true });
  const bar = (page: Page) => page.getByRole('region', { name: 'Bulk actions' });
  /** The people's names in the list, top to bottom. */
  const namesShown = async (page: Page) =>
    (await rows(page).locator('.who strong').allInnerTexts()).map((text) => text.trim());
  const noWiderThanScreen = async (page: Page) =>
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      page.viewportSize()!.width,
    );

  it('shift-click selects a range of five; resolving them sends each person the closing message and empties the list of them', async () => {
    const { server, browser, standIn } = world;
    const tickets = [];
    for (let i = 1; i <= 7; i++) tickets.push(await open(`Range Person ${i}`));
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await expect.poll(() => rows(page).count()).toBe(7);
    const order = await namesShown(page);

    // Click the second row's box, shift-click the sixth: the five between are selected, the others not.
    await box(page, order[1]!).click();
    await box(page, order[5]!).click({ modifiers: ['Shift'] });
    await bar(page).getByText('5 selected', { exact: true }).waitFor();
    for (const [index, name] of order.entries())
      expect(await box(page, name).isChecked(), name).toBe(index >= 1 && index <= 5);
    expect(
      await page
        .getByLabel('Select every ticket shown')
        .evaluate((input) => (input as { indeterminate: boolean }).indeterminate),
    ).toBe(true);

    await bar(page).getByRole('button', { name: 'Resolve…' }).click();
    await bar(page).getByLabel('Closing message to each customer (optional)').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'bulk-resolve-1440.png') });
    await bar(page).getByRole('button', { name: 'Resolve 5 tickets and send' }).click();

    await bar(page)
      .getByRole('status')
      .filter({ hasText: /^5 resolved$/ })
      .waitFor();
    await expect.poll(() => namesShown(page)).toEqual([order[0], order[6]]);
    await bar(page).getByRole('button', { name: 'Dismiss' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'bulk-resolved-1440.png') });

    const resolved = tickets.filter((ticket) => order.slice(1, 6).includes(ticket.name));
    await standIn.waitFor(() => resolved.every((ticket) => standIn.messagesTo(ticket.phoneNumber).length === 1));
    for (const ticket of resolved)
      expect(standIn.messagesTo(ticket.phoneNumber)[0]!.body.text.body).toBe(
        '✅ Your support ticket has been resolved!',
      );
    for (const ticket of tickets.filter((each) => !resolved.includes(each)))
      expect(standIn.messagesTo(ticket.phoneNumber)).toHaveLength(0);
    await context.close();
  }, 90_000);

  it('says which ticket could not be resolved and why, and resolves the others', async () => {
    const { server, browser } = world;
    const fresh = [await open('Partial One'), await open('Partial Two'), await open('Partial Three')];
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    // In the All view a resolved ticket stays in the list, so it can be selected with the others.
    await page.getByRole('region', { name: 'Tickets' }).getByLabel('Status').selectOption('all');
    for (const ticket of fresh) await box(page, ticket.name).click();
    await bar(page).getByText('3 selected', { exact: true }).waitFor();
    // Someone else resolves one of them meanwhile.
    await server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: fresh[1]!.id });

    await bar(page).getByRole('button', { name: 'Resolve…' }).click();
    await bar(page).getByRole('button', { name: 'Resolve 3 tickets and send' }).click();
    await bar(page)
      .getByRole('status')
      .filter({ hasText: `2 resolved, 1 could not be: #${fresh[1]!.id} was already resolved` })
      .waitFor();
    for (const ticket of fresh)
      await rows(page).filter({ hasText: ticket.name }).locator('.pill.status-resolved').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'bulk-partial-1440.png') });
    await context.close();
  }, 90_000);

  it('assigns a selection to another agent; Esc clears the selection and x selects the focused row', async () => {
    const { server, browser } = world;
    const bea = await server.createAgent('Bea Bulk');
    const fresh = [await open('Assign One'), await open('Assign Two'), await open('Assign Three')];
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await rows(page).filter({ hasText: 'Assign Three' }).waitFor();

    await box(page, 'Assign One').click();
    await box(page, 'Assign Two').click();
    await bar(page).getByRole('button', { name: 'Assign…' }).click();
    await bar(page).getByLabel('Agent').selectOption({ label: 'Bea Bulk' });
    await page.screenshot({ path: join(ARTIFACTS, 'bulk-assign-1440.png') });
    await bar(page).getByRole('button', { name: 'Assign 2 tickets' }).click();
    await bar(page)
      .getByRole('status')
      .filter({ hasText: /^2 assigned to Bea Bulk$/ })
      .waitFor();
    for (const name of ['Assign One', 'Assign Two'])
      await rows(page).filter({ hasText: name }).getByText('Bea Bulk').waitFor();
    await expect(rows(page).filter({ hasText: 'Assign Three' }).getByText('Unassigned').count()).resolves.toBe(1);
    const assigned = await server.ok(
      'query($a: ID) { tickets(first: 10, filter: { assigneeId: $a }) { edges { node { id } } } }',
      { a: bea.id },
    );
    expect(assigned.tickets.edges.map((edge: { node: { id: string } }) => edge.node.id).sort()).toEqual(
      [fresh[0]!.id, fresh[1]!.id].sort(),
    );

    // Esc clears the selection; x on a focused row selects it, and again unselects it.
    await page.keyboard.press('Escape');
    await expect.poll(() => box(page, 'Assign One').isChecked()).toBe(false);
    await bar(page).getByRole('button', { name: 'Dismiss' }).waitFor();
    await rows(page).filter({ hasText: 'Assign Three' }).focus();
    await page.keyboard.press('x');
    await bar(page).getByText('1 selected', { exact: true }).waitFor();
    expect(await box(page, 'Assign Three').isChecked()).toBe(true);
    await page.keyboard.press('x');
    await expect.poll(() => box(page, 'Assign Three').isChecked()).toBe(false);

    // On a phone: the bar and its menus fit the screen.
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-GB' });
    const small = await signIn(phone, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await box(small, 'Assign Three').click();
    await box(small, 'Assign One').click({ modifiers: ['Shift'] });
    await bar(small).getByText('3 selected', { exact: true }).waitFor();
    await bar(small).getByRole('button', { name: 'Snooze…' }).click();
    await bar(small).getByRole('button', { name: 'Until they reply' }).scrollIntoViewIfNeeded();
    await noWiderThanScreen(small);
    await small.screenshot({ path: join(ARTIFACTS, 'bulk-snooze-375.png') });
    await bar(small).getByRole('button', { name: 'Until they reply' }).click();
    await bar(small)
      .getByRole('status')
      .filter({ hasText: /^3 snoozed$/ })
      .waitFor();
    await noWiderThanScreen(small);
    await small.screenshot({ path: join(ARTIFACTS, 'bulk-snoozed-375.png') });
    await phone.close();
    await context.close();
  }, 120_000);
});
