// Canned responses and labels in a real browser (Debian's Chromium through playwright-core) against the real
// server: an agent answers with "/ref", and labels tickets from the list in bulk, then filters by the label.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, launchBrowser, signIn } from '../helpers/browser.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  eventually,
  startServer,
  uniquePhone,
  type TestServer,
} from '../helpers/harness.js';

describe.skipIf(!hasChromium)('canned responses and labels in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let agent: { id: string; token: string; email: string };
  beforeAll(async () => {
    server = await startServer('sqlite', { WHATSAPP_SIMULATOR: 'on', OUTBOX_POLL_MS: '20' });
    agent = await server.createAgent('Kim Agent');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const createTicket = async (senderName: string, issueDescription: string) =>
    (
      await server.ok('mutation($input: CreateTicketInput!) { createTicket(input: $input) { id phoneNumber } }', {
        input: { phoneNumber: uniquePhone(), senderName, issueDescription },
      })
    ).createTicket;

  it('an agent types /ref, picks the canned response, sees the name filled in and sends it', async () => {
    await server.ok('mutation($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }', {
      input: {
        shortcode: 'refund',
        title: 'Refund on its way',
        body: 'Hi {{name}}, your refund is on its way: allow 3 to 5 working days.',
      },
    });
    await server.ok('mutation($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }', {
      input: { shortcode: 'reopen', title: 'How to reopen a ticket', body: 'Just write to us again, {{name}}.' },
    });
    await server.ok('mutation($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }', {
      input: { shortcode: 'hours', title: 'Opening hours', body: 'We answer from 8:00 to 18:00.' },
    });
    const ticket = await createTicket('Tola Ade', 'Where is my refund?');
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, server.url, agent.email, 'agent password 1', `/tickets/${ticket.id}`);
    await page.getByRole('heading', { name: /Tola Ade/ }).waitFor();

    const reply = page.getByLabel('Reply to the customer');
    await reply.click();
    await reply.pressSequentially('/re');
    const picker = page.getByRole('listbox', { name: 'Canned responses' });
    await picker.getByRole('option').first().waitFor();
    // The picker narrows as the search answers arrive: wait for the answer to "/re".
    const shown = await eventually(
      async () => {
        const texts = await picker.getByRole('option').allInnerTexts();
        return texts.length === 2 ? texts : undefined;
      },
      5000,
      'the picker to show the two /re… responses',
    );
    expect(shown).toEqual([expect.stringContaining('/refund'), expect.stringContaining('/reopen')]);
    await reply.pressSequentially('f');
    await picker.getByRole('option', { name: /\/refund/ }).waitFor();
    await eventually(
      async () => ((await picker.getByRole('option').count()) === 1 ? true : undefined),
      5000,
      'the picker to narrow to /refund',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'canned-picker.png') });
    await reply.press('Enter');
    await expect(reply.inputValue()).resolves.toBe(
      'Hi Tola Ade, your refund is on its way: allow 3 to 5 working days.',
    );
    await picker.waitFor({ state: 'detached' });

    await reply.press('Enter');
    await page.getByTestId('message').filter({ hasText: 'Hi Tola Ade, your refund is on its way' }).waitFor();
    await expect(reply.inputValue()).resolves.toBe('');
    const received = await eventually(
      async () => {
        const { simulatorPhone } = await server.ok(
          'query($p: String!) { simulatorPhone(phoneNumber: $p) { messages { fromPerson text } } }',
          { p: ticket.phoneNumber },
        );
        return simulatorPhone.messages.find((message: { text: string }) =>
          message.text.startsWith('Hi Tola Ade, your refund'),
        );
      },
      10_000,
      'the canned reply on the phone',
    );
    expect(received.fromPerson).toBe(false);

    // Escape closes the picker and leaves what was typed; Enter then sends nothing odd: the box keeps "/ho".
    await reply.pressSequentially('/ho');
    await picker.getByRole('option', { name: /\/hours/ }).waitFor();
    await reply.press('Escape');
    await picker.waitFor({ state: 'detached' });
    await expect(reply.inputValue()).resolves.toBe('/ho');
    await reply.fill('');
    await context.close();
  }, 90_000);

  it('an agent adds a canned response on its screen, and another agent’s list shows it live', async () => {
    const mine = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const theirs = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await signIn(mine, server.url, agent.email, 'agent password 1', '/canned-responses');
    const other = await signIn(theirs, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, '/canned-responses');
    await page.getByTestId('canned-response').filter({ hasText: '/refund' }).waitFor();

    const form = page.getByRole('form', { name: 'Add canned response' });
    await form.getByLabel('Shortcode').fill('thanks');
    await form.getByLabel('Title').fill('Thanks for waiting');
    await form.getByLabel('Reply').fill('Thanks for waiting, {{first}}!');
    await form.getByRole('button', { name: 'Add canned response' }).click();
    await form.getByRole('alert').filter({ hasText: 'Unknown placeholder {{first}}' }).waitFor();
    await form.getByLabel('Reply').fill('Thanks for waiting, {{name}}!');
    await form.getByRole('button', { name: 'Add canned response' }).click();
    await page.getByTestId('canned-response').filter({ hasText: '/thanks' }).waitFor();
    await other.getByTestId('canned-response').filter({ hasText: '/thanks' }).waitFor({ timeout: 5000 });
    // The agent may edit their own, not the admin's.
    await expect(page.getByRole('button', { name: 'Edit /thanks' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Edit /refund' }).count()).resolves.toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'canned-responses.png'), fullPage: true });
    await Promise.all([mine.close(), theirs.close()]);
  }, 60_000);

  it('an admin manages labels in Settings; an agent bulk-applies one from the list and filters by it', async () => {
    const tickets = [
      await createTicket('Ada Refund', 'Refund one'),
      await createTicket('Ben Refund', 'Refund two'),
      await createTicket('Cy Other', 'Something else'),
    ];
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const admin = await signIn(adminContext, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, '/settings');
    const addForm = admin.getByRole('form', { name: 'Add label' });
    for (const [name, color] of [
      ['Refunds', '#b42318'],
      ['VIP', '#ffe066'],
      ['Exams', '#1f6feb'],
    ] as const) {
      await addForm.getByLabel('Label name').fill(name);
      await addForm.getByLabel('Colour').fill(color);
      await addForm.getByRole('button', { name: 'Add label' }).click();
      await admin.getByTestId('label-row').filter({ hasText: name }).waitFor();
    }
    await addForm.getByLabel('Label name').fill('vip');
    await addForm.getByRole('button', { name: 'Add label' }).click();
    await admin.getByRole('alert').filter({ hasText: 'A label named "VIP" already exists' }).waitFor();
    await addForm.getByLabel('Label name').fill('');
    await admin.getByRole('heading', { name: 'Labels' }).scrollIntoViewIfNeeded();
    await admin.screenshot({ path: join(ARTIFACTS, 'settings-labels.png'), fullPage: true });

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, server.url, agent.email, 'agent password 1');
    const row = (name: string) => page.getByTestId('ticket-row').filter({ hasText: name });
    await row('Ada Refund').waitFor();
    await page.getByLabel('Select the ticket from Ada Refund').check();
    await page.getByLabel('Select the ticket from Ben Refund').check();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await bar.getByText('2 selected').waitFor();
    await bar.getByLabel('Label for the selected tickets').selectOption({ label: 'Refunds' });
    await bar.getByRole('button', { name: 'Apply label' }).click();
    await bar.getByRole('status').filter({ hasText: '“Refunds” put on 2 tickets' }).waitFor();
    for (const name of ['Ada Refund', 'Ben Refund'])
      await row(name).getByTestId('label-chip').filter({ hasText: 'Refunds' }).waitFor();
    await expect(row('Cy Other').getByTestId('label-chip').count()).resolves.toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'labels-bulk.png') });

    await page.getByLabel('Filter by label').selectOption({ label: 'Refunds' });
    await row('Cy Other').waitFor({ state: 'detached' });
    // The filtered page arrives from the server: the count settles once it has.
    await page.getByText('2 tickets', { exact: true }).waitFor();
    await eventually(
      async () => ((await page.getByTestId('ticket-row').count()) === 2 ? true : undefined),
      5000,
      'the two labelled tickets in the list',
    );
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await page.screenshot({ path: join(ARTIFACTS, 'labels-filtered.png') });

    // The admin recolours and renames the label in Settings: the agent's chips follow live.
    await admin.getByRole('button', { name: 'Edit the label Refunds' }).click();
    const editForm = admin.getByRole('form', { name: 'Save label' });
    await editForm.getByLabel('Label name').fill('Refund requests');
    await editForm.getByRole('button', { name: 'Save label' }).click();
    await row('Ada Refund').getByTestId('label-chip').filter({ hasText: 'Refund requests' }).waitFor({ timeout: 5000 });

    // The detail shows the chips, and takes one off.
    await row('Ben Refund').click();
    await page.getByRole('heading', { name: /Ben Refund/ }).waitFor();
    const detail = page.locator('.ticket-detail');
    await detail.getByTestId('label-chip').filter({ hasText: 'Refund requests' }).waitFor();
    await detail.getByLabel('Add a label').selectOption({ label: 'VIP' });
    await detail.getByTestId('label-chip').filter({ hasText: 'VIP' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'labels-detail.png') });
    await detail.getByRole('button', { name: 'Remove the label VIP' }).click();
    await detail.getByTestId('label-chip').filter({ hasText: 'VIP' }).waitFor({ state: 'detached' });
    const { ticket } = await server.ok('query($id: ID!) { ticket(id: $id) { labels { name } } }', {
      id: tickets[1].id,
    });
    expect(ticket.labels).toEqual([{ name: 'Refund requests' }]);
    await Promise.all([adminContext.close(), context.close()]);
  }, 90_000);
});
