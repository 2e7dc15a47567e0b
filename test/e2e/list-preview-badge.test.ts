// What an agent triages from without opening a ticket: the list row's preview and the header badge's figures.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTicket, eventually } from '../helpers/harness.js';

/** The list and the badge at a desktop's and a phone's width, into test-artifacts/. */
async function screenshotBoth(page: Page, name: string): Promise<void> {
  for (const width of [1440, 375]) {
    await page.setViewportSize({ width, height: width === 1440 ? 900 : 800 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe.skipIf(!hasChromium)('the ticket list and the badge, as an agent triages', () => {
  const world = useServerAndBrowser();

  it("previews the person's latest message or the agent's marked reply, never the bot's line or a note", async () => {
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const phone = '447700900555';
    const send = (variables: Record<string, string>) =>
      world.server.ok(
        'mutation($p: String!, $n: String, $t: String, $c: String, $ct: String) { simulatorSend(phoneNumber: $p, name: $n, text: $t, choiceId: $c, choiceTitle: $ct) { id } }',
        { p: phone, n: 'Kemi Obi', ...variables },
      );
    await send({ t: 'Hello' });
    await send({ c: 'chat_support', ct: '💬 Chat Support' });
    await send({ t: 'I was charged twice for my transcript' });

    const row = page.getByTestId('ticket-row').filter({ hasText: 'Kemi Obi' });
    const preview = row.locator('.preview');
    await row.waitFor({ timeout: 5000 });
    // The bot's confirmation came last, but the person's words are what the list shows.
    await eventually(
      async () => ((await preview.innerText()).includes('I was charged twice') ? true : undefined),
      5000,
      "the person's message as the preview",
    );
    expect(await preview.innerText()).not.toContain('Thank you');
    await screenshotBoth(page, 'list-preview-new');

    const { tickets } = await world.server.ok('{ tickets(first: 5) { edges { node { id senderName } } } }');
    const ticket = tickets.edges.find(({ node }: { node: { senderName: string } }) => node.senderName === 'Kemi Obi');
    // A change reaches the preview with the list's next read (after the live event), not at once.
    const listRead = () =>
      page.waitForResponse(
        (response) =>
          response.url().includes('/graphql') && (response.request().postData() ?? '').includes('TicketList'),
      );
    const previewReads = (text: string) =>
      eventually(
        async () => ((await preview.innerText()) === text ? true : undefined),
        5000,
        `the preview to read "${text}"`,
      );

    // A note is for agents: it does not become the person's words.
    const read = listRead();
    await world.server.ok('mutation($id: ID!) { addNote(ticketId: $id, body: "Refund via the bursar") { id } }', {
      id: ticket.node.id,
    });
    await read;
    await page.waitForTimeout(200); // let React render what was read
    expect(await preview.innerText()).not.toContain('Refund via the bursar');
    expect(await preview.innerText()).toContain('I was charged twice');
    await screenshotBoth(page, 'list-preview-note');

    // Another agent's reply shows with their name; the signed-in agent's own with "You".
    const bea = await world.server.createAgent('Bea Second');
    await world.server.ok(
      'mutation($id: ID!) { sendMessage(ticketId: $id, body: "We are checking your payment") { id } }',
      { id: ticket.node.id },
      bea.token,
    );
    await previewReads('Bea Second: We are checking your payment');
    await world.server.ok(
      'mutation($id: ID!) { sendMessage(ticketId: $id, body: "The refund is on its way") { id } }',
      {
        id: ticket.node.id,
      },
    );
    await previewReads('You: The refund is on its way');
    await screenshotBoth(page, 'list-preview-reply');

    // The person writes again: their words, unmarked.
    await send({ t: 'Thanks, got it' });
    await previewReads('Thanks, got it');
    await context.close();
  });

  it('counts tickets in progress as open work, and says what each figure means', async () => {
    const ticket = await createTicket(world.server, { senderName: 'Ife Progress' });
    await world.server.ok('mutation($id: ID!) { sendMessage(ticketId: $id, body: "Looking now") { id } }', {
      id: ticket.id,
    });
    const { notifications } = await world.server.ok('{ notifications { activeTickets openTickets inProgress } }');
    expect(notifications.inProgress).toBeGreaterThan(0);
    expect(notifications.activeTickets).toBe(notifications.openTickets + notifications.inProgress);

    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const badge = page.getByTestId('badge');
    await eventually(
      async () => ((await badge.innerText()).replace(/\s+/g, ' ').includes(' open') ? true : undefined),
      5000,
      'the badge to load',
    );
    expect((await badge.innerText()).replace(/\s+/g, ' ')).toContain(`${notifications.activeTickets} open`);
    // Each figure explains itself on hover, and the whole badge to a screen reader.
    const openFigure = badge.locator('span[title]').filter({ hasText: 'open' }).first();
    expect(await openFigure.getAttribute('title')).toMatch(/in progress/i);
    // The name a screen reader says starts with what the badge shows (WCAG 2.5.3), then explains "open".
    const spoken = (await badge.textContent())!.replace(/\s+/g, ' ');
    expect(spoken).toContain(`${notifications.activeTickets} open`);
    expect(spoken).toMatch(/open the ticket list\. Open counts \d+ not yet in progress and \d+ in progress/);
    await screenshotBoth(page, 'badge');
    await context.close();
  });
});
