// Searching the ticket list shows, in each row, where the ticket matched, with the searched text highlighted.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTicket } from '../helpers/harness.js';

describe.skipIf(!hasChromium)('search snippets in the ticket list', () => {
  const world = useServerAndBrowser();

  it('highlights the searched text in the matching row, and markup in a message stays text', async () => {
    const ticket = await createTicket(world.server, { senderName: 'Nimal Perera', issueDescription: 'Exam fees' });
    await world.server.ok('mutation($id: ID!, $b: String!) { addNote(ticketId: $id, body: $b) { id } }', {
      id: ticket.id,
      b: 'Checked with finance: <b>the</b> Transcript refund <img src=x onerror=alert(1)> went out on Monday.',
    });
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);

    await page.getByRole('searchbox', { name: 'Search' }).fill('transcript REFUND');
    const row = page.getByTestId('ticket-row').filter({ hasText: 'Nimal Perera' });
    const snippet = row.getByTestId('ticket-snippet');
    await snippet.waitFor({ timeout: 5000 });
    expect(await snippet.locator('mark').allInnerTexts()).toEqual(['Transcript refund']);
    expect(await snippet.innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(await snippet.locator('img, b').count()).toBe(0);
    for (const width of [1440, 375]) {
      await page.setViewportSize({ width, height: width === 1440 ? 900 : 800 });
      await page.screenshot({ path: join(ARTIFACTS, `search-snippet-${width}.png`) });
    }

    // Without a search the row shows its preview again.
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await row.getByTestId('ticket-preview').waitFor({ timeout: 5000 });
    expect(await row.getByTestId('ticket-snippet').count()).toBe(0);
    await context.close();
  });
});
