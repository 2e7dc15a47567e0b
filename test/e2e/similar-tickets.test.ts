// Similar resolved tickets in a real browser: a question asked again in other words shows its earlier twin in the
// ticket's panel, and Alt+1 puts the reply that resolved it into the reply box, ready to adapt.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, uniquePhone } from '../helpers/harness.js';

const TWIN_REPLY = 'Refunds of fees reach your bank within ten working days of the request.';

describe.skipIf(!hasChromium)('similar resolved tickets in a browser', () => {
  const world = useServerAndBrowser();

  const createTicket = async (senderName: string, issueDescription: string): Promise<string> =>
    (
      await world.server.ok<{ createTicket: { id: string } }>(
        'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }',
        { input: { phoneNumber: uniquePhone(), senderName, issueDescription } },
      )
    ).createTicket.id;
  const answered = async (name: string, question: string, answer: string) => {
    const id = await createTicket(name, question);
    await world.server.ok('mutation($t: ID!, $b: String!) { sendMessage(ticketId: $t, body: $b) { id } }', {
      t: id,
      b: answer,
    });
    await world.server.ok('mutation($t: ID!) { setTicketStatus(ticketId: $t, status: RESOLVED) { id } }', { t: id });
    return id;
  };

  const look = async (page: Page, name: string) => {
    await page.screenshot({ path: join(ARTIFACTS, `similar-tickets-${name}.png`) });
  };

  it('the panel shows the earlier twin and Alt+1 inserts its reply into the reply box', async () => {
    await answered('Kofi Mensah', 'I cannot log in to the student portal', 'Reset it from the login page.');
    const twin = await answered('Esi Boateng', 'When will I get the refund of the fees I paid?', TWIN_REPLY);
    await answered('Yaw Darko', 'Where are my exam results for the semester?', 'Results are under Academics.');
    const asked = await createTicket('Ama Owusu', "My refund for the school fees hasn't arrived");

    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(10_000);
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto(`${world.server.url}/tickets/${asked}`);
    await page.getByRole('heading', { name: /Ama Owusu/ }).waitFor();

    const panel = page.getByTestId('similar-tickets');
    // The summary (not its text: the loading line says it too) unfolds the strip.
    await panel.locator('summary').click();
    const first = panel.getByTestId('similar-item').first();
    await first.getByText('When will I get the refund of the fees I paid?').waitFor();
    expect(await first.getByRole('link').getAttribute('href')).toBe(`/tickets/${twin}`);
    await first.getByText(TWIN_REPLY).waitFor();
    await look(page, '1440');

    // Typing in the reply box, Alt+1 adds the twin's reply where the caret is.
    const box = page.getByRole('textbox', { name: 'Reply' });
    await box.click();
    await box.fill('Hello Ama. ');
    await page.keyboard.press('Alt+1');
    await expect.poll(() => box.inputValue()).toBe(`Hello Ama. ${TWIN_REPLY}`);
    await expect.poll(() => page.evaluate<string>(`document.activeElement?.id ?? ''`)).toMatch(/^reply-/);

    // The button does the same, from the keyboard too; `?` lists the shortcut.
    await box.fill('');
    await first.getByRole('button', { name: `Insert the reply of ticket #${twin} into the reply box` }).press('Enter');
    await expect.poll(() => box.inputValue()).toBe(TWIN_REPLY);
    // The insert hands the focus to the reply box; out of it, `?` is a shortcut again.
    await expect.poll(() => page.evaluate<string>(`document.activeElement?.id ?? ''`)).toMatch(/^reply-/);
    await page.evaluate('document.activeElement?.blur()');
    await page.keyboard.press('?');
    await page.getByText('Insert the reply of similar resolved ticket 1, 2 or 3').waitFor();
    await page.keyboard.press('Escape');

    await page.setViewportSize({ width: 375, height: 800 });
    await first.getByText(TWIN_REPLY).waitFor();
    await look(page, '375');
    await context.close();
  });
});
