// A pasted reply longer than WhatsApp's 4,096 characters is never cut: the box keeps it, says it will go as
// several messages and sends them in order; one too long for ten messages is refused before sending.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useBrowserWithCloudApi } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTicket, eventually } from '../helpers/harness.js';

const THREAD =
  'query($id: ID!) { ticket(id: $id) { messages(last: 50) { edges { node { body senderType internal } } } } }';

/** About 5,000 characters in paragraphs of sentences, with emoji. */
function pasted(length: number): string {
  let text = '';
  for (let n = 1; text.length < length; n++)
    text += n % 6 === 0 ? `Step ${n} is done 👍.\n\n` : `Step ${n}: open the portal and check your grades 📚. `;
  return `${text
    .slice(0, length - 1)
    .trimEnd()
    .padEnd(length - 1, 'x')}.`;
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [1440, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 740 : 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(ARTIFACTS, `long-reply-${name}-${width}.png`) });
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe.skipIf(!hasChromium)('a long reply in the browser', () => {
  const world = useBrowserWithCloudApi({ OUTBOX_POLL_MS: '20' });
  const open = async (path: string) => {
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    return signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD, path);
  };

  it('a pasted 5,000-character reply is kept whole, offered as 2 messages, and arrives as 2 messages in order', async () => {
    const ticket = await createTicket(world.server, { senderName: 'Long Reply' });
    const page = await open(`/tickets/${ticket.id}`);
    const box = page.getByLabel('Reply to the customer');
    await box.click();
    const text = pasted(5_000);
    await page.keyboard.insertText(text);
    expect((await box.inputValue()).length).toBe(5_000);
    const notice = page.getByTestId('length-notice');
    expect(await notice.innerText()).toContain(
      "904 characters over WhatsApp's limit of 4,096: it will go as 2 messages",
    );
    const send = page.getByRole('button', { name: 'Send as 2 messages' });
    await send.waitFor();
    await screenshots(page, 'offer');
    await send.click();

    const agentMessages = page.locator('[data-testid="message"].from-admin:not(.sending)');
    await eventually(async () => ((await agentMessages.count()) === 2 ? true : undefined), 10_000, 'two parts');
    const stored = (await world.server.ok(THREAD, { id: ticket.id })).ticket.messages.edges
      .map((edge: { node: { body: string; senderType: string } }) => edge.node)
      .filter((node: { senderType: string }) => node.senderType === 'ADMIN')
      .map((node: { body: string }) => node.body) as string[];
    expect(stored.length).toBe(2);
    expect(stored.join('')).toBe(text);
    expect((await agentMessages.nth(0).innerText()).replace(/\s+/g, ' ')).toContain(stored[0]!.slice(0, 60));
    expect((await agentMessages.nth(1).innerText()).replace(/\s+/g, ' ')).toContain(stored[1]!.slice(0, 60));
    await world.standIn.waitFor(() => world.standIn.messagesTo(ticket.phoneNumber).length === 2);
    expect(world.standIn.messagesTo(ticket.phoneNumber).map((request) => request.body.text.body)).toEqual(stored);
    await screenshots(page, 'sent');
  });

  it('a reply that would need more than 10 messages is refused in the box, visibly, before sending', async () => {
    const ticket = await createTicket(world.server, { senderName: 'Too Long' });
    const page = await open(`/tickets/${ticket.id}`);
    await page.getByLabel('Reply to the customer').click();
    await page.keyboard.insertText(pasted(45_000));
    const alert = page.getByRole('alert').filter({ hasText: 'Too long to send' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('a reply goes as at most 10');
    expect(await page.getByRole('button', { name: /^Send/ }).isDisabled()).toBe(true);
    await screenshots(page, 'refused');
  });

  it('a 5,000-character note is kept whole, as one note', async () => {
    const ticket = await createTicket(world.server, { senderName: 'Long Note' });
    const page = await open(`/tickets/${ticket.id}`);
    await page.getByRole('tab', { name: 'Internal note' }).click();
    await page.getByLabel('Internal note for agents').click();
    const text = pasted(5_000);
    await page.keyboard.insertText(text);
    await page.getByRole('button', { name: 'Add note' }).click();
    const notes = await eventually(async () => {
      const edges = (await world.server.ok(THREAD, { id: ticket.id })).ticket.messages.edges;
      const found = edges.filter((edge: { node: { internal: boolean } }) => edge.node.internal);
      return found.length > 0 ? found : undefined;
    });
    expect(notes.map((edge: { node: { body: string } }) => edge.node.body)).toEqual([text]);
  });
});
