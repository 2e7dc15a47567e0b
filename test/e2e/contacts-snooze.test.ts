// The agent's path in a real browser: from a ticket to the person's contact page (details, notes, their
// earlier tickets), and snoozing a ticket until the person writes again on WhatsApp.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, inboundText, postWebhook } from '../helpers/harness.js';

describe.skipIf(!hasChromium)('contacts and snooze in a browser', () => {
  const world = useServerAndBrowser();

  /** The person writes on WhatsApp: a delivery signed with the app secret, as the Cloud API sends it. */
  const personWrites = async (phone: string, name: string, text: string) => {
    const response = await postWebhook(world.server, inboundText(phone, text, { name }).body, {
      secret: world.server.server.services.config.whatsapp.appSecret,
    });
    expect(response.status).toBe(200);
  };
  const ticketList = (page: Page) => page.getByRole('region', { name: 'Tickets' });

  it('opens the contact from a ticket, edits the notes, reads and opens an earlier ticket', async () => {
    const phone = '447700900801';
    const { createTicket: earlier } = await world.server.ok(
      'mutation($p: String!) { createTicket(input: { phoneNumber: $p, senderName: "Rita Okoro", studentId: "S-2001", issueDescription: "Locked out of the portal last term" }) { id } }',
      { p: phone },
    );
    await world.server.ok(
      'mutation($t: ID!) { closeTicket(ticketId: $t, message: "Your password is reset.") { id } }',
      { t: earlier.id },
    );
    await personWrites(phone, 'Rita Okoro', 'chat support');
    await personWrites(phone, 'Rita Okoro', 'My exam timetable is missing a course');

    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await ticketList(page).getByTestId('ticket-row').filter({ hasText: 'Rita Okoro' }).click();
    await page.getByTestId('message').filter({ hasText: 'My exam timetable is missing a course' }).waitFor();
    await page.getByRole('link', { name: 'Contact & history' }).click();

    // The contact: details, both tickets (the new one first, marked as the one we came from).
    await page.getByRole('heading', { name: 'Rita Okoro' }).waitFor();
    expect(await page.getByLabel('Student id').inputValue()).toBe('S-2001');
    const tickets = page.getByTestId('contact-ticket');
    await expect.poll(() => tickets.count()).toBe(2);
    expect(await tickets.nth(0).innerText()).toContain('My exam timetable is missing a course');
    expect(await tickets.nth(1).innerText()).toContain('Locked out of the portal last term');
    expect(await tickets.nth(1).innerText()).toMatch(/resolved/);

    // Notes: saved, with a visible saved state, and still there after a reload.
    const notes = page.getByLabel('Notes for agents (never sent to the person)');
    await notes.fill('Prefers WhatsApp to phone calls.\nFinal-year student; exams in June.');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await expect.poll(() => page.getByTestId('notes-status').innerText()).toMatch(/^Saved ✓/);
    expect(await page.getByText(/last edited by Admin/).count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'contact.png') });
    await page.reload();
    // The reloaded page renders the notes anew: wait for them before reading (reading hung past the poll's second).
    await page.getByText(/last edited by Admin/).waitFor();
    await expect
      .poll(() => notes.inputValue())
      .toBe('Prefers WhatsApp to phone calls.\nFinal-year student; exams in June.');
    await page.waitForTimeout(400);

    // Another agent changes the notes while this one types: saving fails visibly, and nothing is overwritten.
    await notes.fill('My own half-written note');
    const colleague = await world.server.createAgent('Kofi Colleague');
    await world.server.ok(
      'mutation($p: String!) { updateContact(phoneNumber: $p, input: { notes: "Kofi: call after 5pm", baseNotesRevision: 1 }) { notesRevision } }',
      { p: phone },
      colleague.token,
    );
    await page.getByText('Kofi Colleague changed these notes while you were editing').waitFor();
    await page.getByRole('button', { name: 'Save notes' }).click();
    await expect
      .poll(() => page.getByTestId('notes-status').innerText())
      .toMatch(/^Not saved: Someone else changed these notes/);
    await page.screenshot({ path: join(ARTIFACTS, 'contact-notes-failed.png') });
    await page.getByRole('button', { name: 'Show their version' }).click();
    expect(await notes.inputValue()).toBe('Kofi: call after 5pm');
    expect(
      (await world.server.ok('query($p: String!) { contact(phoneNumber: $p) { notes } }', { p: phone })).contact.notes,
    ).toBe('Kofi: call after 5pm');

    // The earlier ticket's thread, read here; then opened.
    await tickets.nth(1).getByRole('button', { name: 'Show thread' }).click();
    await tickets.nth(1).getByTestId('message').filter({ hasText: 'Your password is reset.' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'contact-thread.png') });
    await tickets.nth(1).getByRole('link').click();
    await page.getByRole('heading', { name: new RegExp(`#${earlier.id}`) }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/tickets/${earlier.id}`);
    await page.getByTestId('message').filter({ hasText: 'Locked out of the portal last term' }).waitFor();

    const narrow = await world.browser.newContext({ viewport: { width: 375, height: 800 }, locale: 'en-GB' });
    const mobile = await signIn(narrow, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await mobile.goto(`${world.server.url}/contacts/${phone}`);
    await mobile.getByRole('heading', { name: 'Rita Okoro' }).waitFor();
    await mobile.screenshot({ path: join(ARTIFACTS, 'contact-mobile.png'), fullPage: true });
    await Promise.all([context.close(), narrow.close()]);
  }, 90_000);

  it('snoozes a ticket until the person replies: it leaves the open list and comes back when they write', async () => {
    const phone = '447700900802';
    await personWrites(phone, 'Yusuf Bello', 'chat support');
    await personWrites(phone, 'Yusuf Bello', 'I cannot upload my assignment');
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const row = ticketList(page).getByTestId('ticket-row').filter({ hasText: 'Yusuf Bello' });
    await row.click();
    await page.getByTestId('message').filter({ hasText: 'I cannot upload my assignment' }).waitFor();
    const badge = page.getByTestId('badge');
    const openBefore = Number(/(\d+)\s*open/.exec(await badge.innerText())![1]);

    await page.getByRole('button', { name: 'Snooze…' }).click();
    await page.getByRole('group', { name: 'Snooze until' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'snooze-menu.png') });
    await page.getByRole('button', { name: 'Until they reply' }).click();

    // Snoozed: the banner says so, the row leaves the open list, and the badge stops counting it.
    await page.getByTestId('snoozed-banner').filter({ hasText: 'Snoozed until they reply' }).waitFor();
    await row.waitFor({ state: 'detached', timeout: 5000 });
    await expect.poll(async () => Number(/(\d+)\s*open/.exec(await badge.innerText())![1])).toBe(openBefore - 1);
    await page.screenshot({ path: join(ARTIFACTS, 'ticket-snoozed.png') });
    await ticketList(page).getByLabel('Status').selectOption('snoozed');
    await row.filter({ hasText: '💤 until they reply' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'snoozed-view.png') });
    await ticketList(page).getByLabel('Status').selectOption('active');
    await row.waitFor({ state: 'detached' });

    // The person writes on WhatsApp: the ticket is back at once, with their message.
    const wrote = Date.now();
    await personWrites(phone, 'Yusuf Bello', 'Sorry, I was away. It still fails with a red error.');
    await row.waitFor({ timeout: 5000 });
    console.log(`a snoozed ticket was back in the open list ${Date.now() - wrote} ms after the person wrote`);
    await page.getByTestId('snoozed-banner').waitFor({ state: 'detached' });
    await page.getByTestId('message').filter({ hasText: 'It still fails with a red error.' }).waitFor();
    await expect.poll(async () => Number(/(\d+)\s*open/.exec(await badge.innerText())![1])).toBe(openBefore);

    // A timed snooze from the menu reads as its time; Unsnooze brings it back at once.
    await page.getByRole('button', { name: 'Snooze…' }).click();
    await page.getByRole('button', { name: '1 hour' }).click();
    await page
      .getByTestId('snoozed-banner')
      .filter({ hasText: /Snoozed until \d\d:\d\d/ })
      .waitFor();
    await row.waitFor({ state: 'detached', timeout: 5000 });
    await page.getByRole('button', { name: 'Unsnooze' }).click();
    await page.getByTestId('snoozed-banner').waitFor({ state: 'detached' });
    await row.waitFor({ timeout: 5000 });
    await context.close();
  }, 90_000);
});
