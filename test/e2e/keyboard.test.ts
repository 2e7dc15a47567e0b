// A day's work with the keyboard alone: j/k through the list, r and Ctrl+Enter to reply, Shift+E to resolve with
// an edited closing message and land on the next ticket, `?` for the shortcuts, Ctrl+K to find a ticket by name.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useBrowserWithCloudApi } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, uniquePhone } from '../helpers/harness.js';
import { openTicketOnWhatsapp } from '../helpers/whatsapp-person.js';

const focusedText = (page: Page) => page.evaluate<string>(`document.activeElement?.textContent ?? ''`);
const focusedTag = (page: Page) =>
  page.evaluate<string>(`document.activeElement?.tagName.toLowerCase() + '#' + (document.activeElement?.id ?? '')`);
const rowNames = (page: Page) => page.getByTestId('ticket-row').locator('strong').allTextContents();

describe.skipIf(!hasChromium)('the desk with the keyboard alone', () => {
  const world = useBrowserWithCloudApi();
  const people = [
    { name: 'Ama Owusu', phone: uniquePhone(), issue: 'my fees receipt is missing' },
    { name: 'Bola Ade', phone: uniquePhone(), issue: 'cannot log in to the portal' },
    { name: 'Chidi Eze', phone: uniquePhone(), issue: 'exam timetable clash' },
  ];

  it('moves with j, replies with r and Ctrl+Enter, resolves and goes on with Shift+E, finds with Ctrl+K', async () => {
    const { server, standIn, browser } = world;
    for (const person of people) await openTicketOnWhatsapp(server, standIn, person.phone, person);
    const bola = people[1]!;

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(10_000);
    const page = await signIn(context, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByTestId('ticket-row').nth(2).waitFor();
    expect(await rowNames(page)).toEqual(['Chidi Eze', 'Bola Ade', 'Ama Owusu']);

    // j puts the keyboard on the first row, o opens it; with a ticket open, j reads the next one.
    await page.keyboard.press('j');
    expect(await focusedText(page)).toContain('Chidi Eze');
    await page.keyboard.press('o');
    await page.getByRole('heading', { name: /Chidi Eze/ }).waitFor();
    await page.keyboard.press('j');
    await page.getByRole('heading', { name: /Bola Ade/ }).waitFor();
    expect(await focusedText(page)).toContain('Bola Ade');

    // r: the reply box; letters typed there are text, not shortcuts; Ctrl+Enter sends.
    await page.keyboard.press('r');
    await expect.poll(() => focusedTag(page)).toMatch(/^textarea#reply-/);
    await page.keyboard.type('jk: we are on it');
    expect(page.url()).toMatch(/\/tickets\/\d+$/);
    await page.getByRole('heading', { name: /Bola Ade/ }).waitFor();
    await page.keyboard.press('Control+Enter');
    await standIn.waitFor(() =>
      standIn.messagesTo(bola.phone).some((request) => request.body.text?.body === 'jk: we are on it'),
    );

    // Shift+E: the closing message, prefilled, is edited before it goes; then the next ticket in the list's order.
    await page.keyboard.press('Escape'); // leave the reply box: the focus goes nowhere special, shortcuts work again
    await page.evaluate('document.activeElement?.blur()');
    // The reply made Bola's the latest activity: once the list shows that, the one after it is Chidi's.
    await expect.poll(() => rowNames(page)).toEqual(['Bola Ade', 'Chidi Eze', 'Ama Owusu']);
    const expectedNext = 'Chidi Eze';
    await page.keyboard.press('Shift+E');
    const dialog = page.getByRole('dialog', { name: /Resolve ticket/ });
    const closing = dialog.getByLabel('Closing message to the person');
    await expect.poll(() => closing.inputValue()).toBe('✅ Your support ticket has been resolved!');
    await expect.poll(() => focusedTag(page)).toBe('textarea#closing-message');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Sorted, Bola: your password is reset. Bye!');
    await page.keyboard.press('Control+Enter');
    await standIn.waitFor(() =>
      standIn
        .messagesTo(bola.phone)
        .some((request) => request.body.text?.body === 'Sorted, Bola: your password is reset. Bye!'),
    );
    await page.getByRole('heading', { name: new RegExp(expectedNext) }).waitFor();
    await expect.poll(() => focusedText(page)).toContain(expectedNext);
    await page.getByTestId('ticket-row').filter({ hasText: 'Bola Ade' }).waitFor({ state: 'detached' });

    // ?: every shortcut from the key map; Esc gives the focus back to the row.
    await page.keyboard.press('?');
    const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await overlay.waitFor();
    for (const label of ['Next ticket in the list', 'Resolve and open the next ticket', 'Assign to me', 'Snooze…'])
      await overlay.getByText(label).waitFor();
    expect(await overlay.locator('.shortcut-row').count()).toBe(19);
    await page.screenshot({ path: join(ARTIFACTS, 'keyboard-shortcuts-1440.png') });
    await page.keyboard.press('Escape');
    await overlay.waitFor({ state: 'detached' });
    expect(await focusedText(page)).toContain(expectedNext);

    // Ctrl+K: the palette finds the other ticket left by the person's name and opens it.
    const other = 'Ama Owusu';
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('combobox', { name: 'Command palette' });
    await expect.poll(() => focusedTag(page)).toMatch(/^input/);
    await palette.pressSequentially(other.split(' ')[0]!);
    const option = page.getByRole('option', { name: new RegExp(`#\\d+ ${other}`) });
    await option.waitFor();
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await palette.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    // The contact too, from the contacts search, with their ticket count.
    await page.getByRole('option', { name: new RegExp(`^${other}.*1 ticket`) }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'keyboard-palette-1440.png') });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: new RegExp(other) }).waitFor();
    await expect.poll(() => focusedText(page)).toContain(other);

    // i assigns the open ticket to me, 1 makes it urgent: the ticket says so.
    await page.keyboard.press('i');
    await page.getByTestId('keyboard-status').getByText('Assigned to you.').waitFor();
    await page.keyboard.press('1');
    await page.getByTestId('keyboard-status').getByText('Priority: Urgent.').waitFor();
    await page
      .locator('.detail-actions select')
      .nth(1)
      .filter({ has: page.locator('option:checked', { hasText: 'Urgent' }) })
      .waitFor();
    await context.close();
  }, 90_000);

  it('assigns, labels and snoozes through pickers, inserts a canned response, resolves sending nothing', async () => {
    const { server, standIn, browser } = world;
    const dede = { name: 'Dede Kofi', phone: uniquePhone(), issue: 'my hostel fee was charged twice' };
    const { id } = await openTicketOnWhatsapp(server, standIn, dede.phone, dede);
    await server.ok(
      'mutation { createCannedResponse(input: { shortcode: "refund-time", title: "Refund time", body: "Hi {{name}}, refunds take 5 days." }) { id } }',
    );
    await server.ok('mutation { createLabel(input: { name: "Billing", color: "#123456" }) { id } }');

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(10_000);
    const page = await signIn(context, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, `/tickets/${id}`);
    await page.getByRole('heading', { name: /Dede Kofi/ }).waitFor();
    const status = page.getByTestId('keyboard-status');

    // a: the assign picker; Enter on the agent; the focus goes back to the row it came from.
    // (j reads the next ticket when one is open, k comes back: the keyboard is on Dede's row whatever else is listed.)
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.getByRole('heading', { name: /Dede Kofi/ }).waitFor();
    await expect.poll(() => focusedText(page)).toContain('Dede Kofi');
    await page.keyboard.press('a');
    const assign = page.getByRole('combobox', { name: 'Assign the ticket to' });
    await assign.pressSequentially('Adm');
    await page.keyboard.press('Enter');
    await status.getByText('Assigned to Admin.').waitFor();
    await expect.poll(() => focusedText(page)).toContain('Dede Kofi');

    // l: the label picker adds Billing to the ticket.
    await page.keyboard.press('l');
    await page.getByRole('combobox', { name: 'Add or remove a label' }).pressSequentially('bill');
    await page.keyboard.press('Enter');
    await page.locator('.ticket-labels').getByText('Billing').waitFor();

    // s: the snooze picker, until the person replies.
    await page.keyboard.press('s');
    await page.getByRole('combobox', { name: 'Snooze the ticket until' }).pressSequentially('reply');
    await page.keyboard.press('Enter');
    await status.getByText('Snoozed until they reply.').waitFor();

    // n: an internal note; Ctrl+K works in the box, finds the canned response and puts it in, name filled.
    await page.keyboard.press('n');
    await page.getByRole('tab', { name: 'Internal note', selected: true }).waitFor();
    await expect.poll(() => focusedTag(page)).toBe(`textarea#reply-${id}`);
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Command palette' }).pressSequentially('refund');
    await page.getByRole('option', { name: /refund-time/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`#reply-${id}`).inputValue()).toBe('Hi Dede Kofi, refunds take 5 days.');
    await expect.poll(() => focusedTag(page)).toBe(`textarea#reply-${id}`);
    // Esc closes the palette and gives the focus back to the box it was opened from.
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Command palette' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedTag(page)).toBe(`textarea#reply-${id}`);

    // e, with "Send a closing message" unticked: resolved, and the person gets nothing.
    await page.evaluate('document.activeElement?.blur()');
    const sentBefore = standIn.messagesTo(dede.phone).length;
    await page.keyboard.press('e');
    const dialog = page.getByRole('dialog', { name: /Resolve ticket/ });
    await dialog.getByLabel('Closing message to the person').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'keyboard-resolve-1440.png') });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await dialog.getByLabel('Send a closing message').isChecked()).toBe(false);
    await page.keyboard.press('Control+Enter');
    await status.getByText(`Ticket #${id} resolved.`).waitFor();
    // The Resolve… button that was there is gone: the focus is on Reopen, not lost.
    await expect.poll(() => focusedText(page)).toBe('Reopen');
    const { ticket } = await server.ok(
      'query($id: ID!) { ticket(id: $id) { status messages(last: 5) { edges { node { body } } } } }',
      { id },
    );
    expect(ticket.status).toBe('RESOLVED');
    expect(ticket.messages.edges.map(({ node }: { node: { body: string } }) => node.body)).not.toContain(
      '✅ Your support ticket has been resolved!',
    );
    await page.waitForTimeout(500);
    expect(standIn.messagesTo(dede.phone).length).toBe(sentBefore);

    await context.close();
  }, 90_000);

  it('the overlay and the palette fit a 375 px screen', async () => {
    const { server, browser } = world;
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-GB' });
    context.setDefaultTimeout(10_000);
    const page = await signIn(context, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    // The page's width, and the right edge of everything in the open dialog.
    const widest = () =>
      page.evaluate<number>(`Math.max(
        document.documentElement.scrollWidth,
        ...[...document.querySelectorAll('dialog[open], dialog[open] *')].map((element) => element.getBoundingClientRect().right),
      )`);
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await widest()).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(ARTIFACTS, 'keyboard-shortcuts-375.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Command palette' }).pressSequentially('Ama');
    await page
      .getByRole('option', { name: /Ama Owusu/ })
      .first()
      .waitFor();
    expect(await widest()).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(ARTIFACTS, 'keyboard-palette-375.png') });
    await context.close();
  });
});
