// The ticket list's tabs (Mine, Unassigned, All, Mentions) with live counts, saved views that survive a reload,
// and an @mention in a note that reaches the other agent's screen and opens at the note.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTicket, eventually } from '../helpers/harness.js';

async function screenshotBoth(page: Page, name: string): Promise<void> {
  for (const width of [1440, 375]) {
    await page.setViewportSize({ width, height: width === 1440 ? 900 : 800 });
    await page.waitForTimeout(200);
    const wide = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(wide, `${name} at ${width} px`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

const countOf = (page: Page, tab: string) => page.getByTestId(`count-${tab}`).innerText();
const countReaches = (page: Page, tab: string, value: number) =>
  eventually(
    async () => (Number(await countOf(page, tab)) === value ? true : undefined),
    8000,
    `the ${tab} tab to count ${value}`,
  );

describe.skipIf(!hasChromium)('views and mentions in the ticket list', () => {
  const world = useServerAndBrowser();

  it('the tabs count live, move with the arrow keys, and the tab and filters survive a reload and Back', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const tabs = page.getByRole('tablist', { name: 'Views' });
    await tabs.getByRole('tab', { name: /^All/ }).waitFor();
    const all = Number(await countOf(page, 'all'));
    const unassigned = Number(await countOf(page, 'unassigned'));

    const ticket = await createTicket(world.server, { senderName: 'Tabby Tan' });
    await countReaches(page, 'all', all + 1);
    await countReaches(page, 'unassigned', unassigned + 1);
    const me = (await world.server.ok('{ me { id } }')).me.id;
    await world.server.ok('mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }', {
      t: ticket.id,
      a: me,
    });
    await countReaches(page, 'mine', 1);
    await countReaches(page, 'unassigned', unassigned);

    await tabs.getByRole('tab', { name: /^All/ }).click();
    await page.keyboard.press('ArrowLeft');
    const selected = () => tabs.locator('[aria-selected="true"]').innerText();
    expect(await selected()).toMatch(/^Unassigned/);
    await page.keyboard.press('ArrowLeft');
    expect(await selected()).toMatch(/^Mine/);
    expect(await page.evaluate<string | null>('document.activeElement?.textContent ?? null')).toMatch(/^Mine/);
    await page.getByTestId('ticket-row').filter({ hasText: 'Tabby Tan' }).waitFor();
    await page.getByLabel('Status').selectOption('all');
    expect(page.url()).toContain('tab=mine');
    expect(page.url()).toContain('status=all');

    await page.reload();
    await tabs.getByRole('tab', { name: /^Mine/, selected: true }).waitFor();
    expect(await page.getByLabel('Status').inputValue()).toBe('all');
    await page.goBack();
    await eventually(
      async () => ((await page.getByLabel('Status').inputValue()) === 'active' ? true : undefined),
      3000,
      'Back to the status before',
    );
    expect(await selected()).toMatch(/^Mine/);
    await screenshotBoth(page, 'views-tabs');
    await context.close();
  }, 90_000);

  it('saves the filters as a named view that is there after a reload, and renames and deletes it', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await createTicket(world.server, { senderName: 'Ursula Urgent', priority: 'URGENT' });
    await page.getByLabel('Priority').selectOption('URGENT');
    await page.getByRole('button', { name: 'Save view…' }).click();
    await page.getByLabel('View name').fill('Urgent ones');
    await page.getByLabel('For the whole desk').check();
    await page.getByRole('button', { name: 'Save view', exact: true }).click();
    const tab = page.getByRole('tab', { name: /^Urgent ones/ });
    await tab.waitFor();
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    expect(Number(await tab.locator('.tab-count').innerText())).toBeGreaterThanOrEqual(1);

    await page.reload();
    await page.getByRole('tab', { name: /^Urgent ones/, selected: true }).waitFor();
    expect(await page.getByLabel('Priority').inputValue()).toBe('URGENT');
    await page.getByTestId('ticket-row').filter({ hasText: 'Ursula Urgent' }).waitFor();
    await screenshotBoth(page, 'views-saved');

    // The whole desk sees it; an agent may not change it.
    const agent = await world.server.createAgent('Viv Viewer');
    const seen = await world.server.ok('{ savedViews { name viewerCanEdit } }', {}, agent.token);
    expect(seen.savedViews).toContainEqual({ name: 'Urgent ones', viewerCanEdit: false });

    await page.getByRole('button', { name: 'Rename view' }).click();
    await page.getByLabel('New name').fill('Fires');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await page.getByRole('tab', { name: /^Fires/ }).waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete view' }).click();
    await page.getByRole('tab', { name: /^All/, selected: true }).waitFor();
    expect(await page.getByRole('tab', { name: /^Fires/ }).count()).toBe(0);
    await context.close();
  }, 90_000);

  it('agent A mentions agent B in a note; B sees the count rise, is notified, and opens the note', async () => {
    const bea = await world.server.createAgent('Bea Mention');
    const ticket = await createTicket(world.server, { senderName: 'Noor Note' });

    const contextB = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    // Record what the page would show as desktop notifications, as if B had allowed them.
    await contextB.addInitScript(`
      window.shownNotifications = [];
      window.Notification = class {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        constructor(title) { window.shownNotifications.push(title); }
      };
    `);
    const pageB = await signIn(contextB, world.server.url, bea.email, 'agent password 1');
    await countReaches(pageB, 'mentions', 0);

    const contextA = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const pageA = await signIn(contextA, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD, `/tickets/${ticket.id}`);
    await pageA.getByRole('tab', { name: 'Internal note' }).click();
    const box = pageA.getByLabel('Internal note for agents');
    await box.pressSequentially('Can you call them, @be');
    const option = pageA.getByRole('option', { name: '@Bea Mention' });
    await option.waitFor();
    await pageA.screenshot({ path: join(ARTIFACTS, 'mention-picker-1440.png') });
    await box.press('Enter');
    expect(await box.inputValue()).toBe('Can you call them, @Bea Mention ');
    await box.pressSequentially('please?');
    await box.press('Enter');
    await pageA.locator('.message.internal').filter({ hasText: 'please?' }).waitFor();

    await countReaches(pageB, 'mentions', 1);
    await pageB.getByTestId('mention-badge').waitFor();
    expect(await pageB.evaluate<string[]>('window.shownNotifications')).toEqual(['You were mentioned in a note']);
    await pageB.getByRole('tab', { name: /^Mentions/ }).click();
    const row = pageB.getByTestId('mention-row').filter({ hasText: 'Noor Note' });
    await row.waitFor();
    expect(await row.innerText()).toContain('@Bea Mention please?');
    await screenshotBoth(pageB, 'mentions-list');
    await row.click();
    const note = pageB.locator('.message.internal.highlighted').filter({ hasText: 'please?' });
    await note.waitFor({ timeout: 5000 });
    expect(await note.isVisible()).toBe(true);
    expect(pageB.url()).toMatch(/#message-\d+$/);
    await countReaches(pageB, 'mentions', 0);
    expect(await pageB.getByTestId('mention-badge').count()).toBe(0);
    await screenshotBoth(pageB, 'mention-opened');
    await Promise.all([contextA.close(), contextB.close()]);
  }, 120_000);
});
