// The thread starts with the conversation that led to the ticket, folded and drawn as the bot's; a later tap
// on the bot's menu is a small line from the desk, not a message from the person.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, eventually } from '../helpers/harness.js';

const SEND =
  'mutation($p: String!, $n: String, $t: String, $c: String, $ct: String) { simulatorSend(phoneNumber: $p, name: $n, text: $t, choiceId: $c, choiceTitle: $ct) { id } }';

async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [1440, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 740 : 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(ARTIFACTS, `bot-conversation-${name}-${width}.png`) });
    expect(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe.skipIf(!hasChromium)('the conversation with the bot in the thread', () => {
  const world = useServerAndBrowser();

  it('is folded at the top, opens to the bot’s lines, and a re-tapped menu item is no customer message', async () => {
    const phone = '447700900555';
    const send = (variables: Record<string, string>) => world.server.ok(SEND, { p: phone, n: 'Ada Eze', ...variables });
    await send({ t: 'hi' });
    await send({ c: 'chat_support', ct: '💬 Chat Support' });
    await send({ t: 'My transcript is missing a course' });
    const ticketId = await eventually(async () => {
      const { tickets } = await world.server.ok('{ tickets(first: 10) { edges { node { id phoneNumber } } } }');
      return tickets.edges.find((edge: { node: { phoneNumber: string } }) => edge.node.phoneNumber === phone)?.node
        .id as string | undefined;
    });
    await send({ c: 'chat_support', ct: '💬 Chat Support' });

    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD, `/tickets/${ticketId}`);
    const fold = page.getByTestId('bot-conversation');
    await fold.waitFor();
    expect(await fold.locator('summary').innerText()).toContain(
      'Conversation with the bot before the ticket · 4 messages',
    );
    expect(await fold.locator('details').getAttribute('open')).toBeNull();
    expect(await fold.getByText('hi', { exact: true }).isVisible()).toBe(false);
    // It comes before the person's first message.
    const items = page.locator('ol.thread > li');
    expect(await items.first().getAttribute('data-testid')).toBe('bot-conversation');
    await page.getByText("Tapped 💬 Chat Support in the bot's menu").waitFor();
    const customer = page.locator('[data-testid="message"].from-user');
    expect(await customer.allInnerTexts()).toEqual([expect.stringContaining('My transcript is missing a course')]);
    await screenshots(page, 'folded');

    await fold.locator('summary').click();
    const lines = fold.locator('.bot-line');
    expect(await lines.count()).toBe(4);
    expect(await lines.nth(0).innerText()).toContain('hi');
    expect(await lines.nth(0).innerText()).toContain('Ada Eze');
    expect(await lines.nth(1).innerText()).toContain('Bot');
    expect(await lines.nth(1).innerText()).toContain('💬 Chat Support');
    expect(await lines.nth(2).getAttribute('class')).toContain('from-person');
    expect(await lines.nth(3).innerText()).toContain('Please describe your issue');
    await page.evaluate("document.querySelector('ol.thread').scrollTop = 0");
    await screenshots(page, 'open');
  });
});
