// While the agent searches, the list's sort offers "Best match": the ticket that is most about the text comes first.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTicket } from '../helpers/harness.js';

describe.skipIf(!hasChromium)('best match order of a search', () => {
  const world = useServerAndBrowser();

  it('offers Best match only with a search, and puts the ticket most about the text first', async () => {
    const note = (id: string, body: string) =>
      world.server.ok('mutation($id: ID!, $b: String!) { addNote(ticketId: $id, body: $b) { id } }', { id, b: body });
    for (let i = 0; i < 6; i += 1) {
      const other = await createTicket(world.server, { senderName: `Person ${i}`, issueDescription: 'Hostel fees' });
      await note(other.id, `Answered the hostel question ${i}`);
    }
    const strong = await createTicket(world.server, {
      senderName: 'Kamala Silva',
      issueDescription: 'My transcript refund has not arrived',
    });
    await note(strong.id, 'Finance confirmed the transcript refund is approved');
    await note(strong.id, 'Transcript refund sent to the bank on Monday');
    const weak = await createTicket(world.server, { senderName: 'Nimal Perera', issueDescription: 'Exam timetable' });
    await note(weak.id, 'Also asked about a transcript refund');

    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const sort = page.getByRole('combobox', { name: 'Sort' });
    expect(await sort.locator('option', { hasText: 'Best match' }).count()).toBe(0);

    await page.getByRole('searchbox', { name: 'Search' }).fill('transcript refund');
    const rows = page.getByTestId('ticket-row');
    await rows.filter({ hasText: 'Kamala Silva' }).waitFor({ timeout: 5000 });
    await expect.poll(() => rows.count()).toBe(2);
    // Newest activity first by default: the ticket that mentions it once, last.
    expect(await rows.first().innerText()).toContain('Nimal Perera');

    await sort.selectOption({ label: 'Best match' });
    await expect.poll(() => rows.first().innerText(), { timeout: 5000 }).toContain('Kamala Silva');
    expect(page.url()).toContain('sort=relevance');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: join(ARTIFACTS, 'search-relevance-1440.png') });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('button', { name: /Filters/ }).click();
    await page.screenshot({ path: join(ARTIFACTS, 'search-relevance-375.png') });
    await page.getByRole('button', { name: /Filters/ }).click();
    await page.setViewportSize({ width: 1440, height: 900 });

    // Clearing the search leaves Best match out of the sort, and the list falls back to newest activity.
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await expect.poll(() => rows.count(), { timeout: 5000 }).toBeGreaterThan(2);
    expect(await sort.locator('option', { hasText: 'Best match' }).count()).toBe(0);
    expect(await sort.inputValue()).toBe('activity');
    expect(await page.getByRole('alert').count()).toBe(0);
    await context.close();
  });
});
