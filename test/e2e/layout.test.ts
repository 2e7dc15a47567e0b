// The admin UI's layout in a real browser: the header's status menu, every screen at a phone's 375 px width,
// the server-down banner that must not hide the Send button, and a ticket header that stays put when other
// agents' avatars appear.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/harness.js';

const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1440, height: 900 };
const SEND = '.reply-actions button.primary';

// The measuring runs in the page; it is written as source text because the tests compile without the DOM's types.

/** How far the page reaches sideways: more than the viewport means the person scrolls sideways. */
const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

/** Scrollers meant to scroll sideways on a phone: the header's links, and the reports' wide tables. */
const SIDEWAYS = '.header nav, .report-table-panel';

/**
 * Elements that reach past the screen's right edge (cut off, or widening the page), named for the failure; not
 * those inside a box that clips on purpose (an ellipsis) or a scroller meant to scroll sideways.
 */
const overflowing = (page: Page) =>
  page.evaluate<string[]>(`(() => {
    const right = document.documentElement.clientWidth + 0.5;
    const clippedOnPurpose = (element) => {
      for (let box = element.parentElement; box; box = box.parentElement)
        if (['hidden', 'clip'].includes(getComputedStyle(box).overflowX)) return true;
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((element) => element.getClientRects().length > 0 && !element.closest(${JSON.stringify(SIDEWAYS)}))
      .filter((element) => element.getBoundingClientRect().right > right && !clippedOnPurpose(element))
      .slice(0, 3)
      .map((element) => element.tagName.toLowerCase() + '.' + element.className + ' → ' + Math.round(element.getBoundingClientRect().right));
  })()`);

/** 'visible' when the element's box is wholly inside the viewport and the topmost thing at its centre is itself. */
const fullyVisible = (page: Page, selector: string) =>
  page.evaluate<string>(`(() => {
    const element = document.querySelector(${JSON.stringify(selector)});
    if (!element) return 'missing';
    const box = element.getBoundingClientRect();
    const inside = box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const uncovered = top !== null && (top === element || element.contains(top));
    return inside && uncovered ? 'visible' : 'not visible: ' + JSON.stringify(box) + ' inside=' + inside + ' uncovered=' + uncovered;
  })()`);

/** What has the keyboard focus: its test id, or else its text. */
const focused = (page: Page) =>
  page.evaluate<string | null>(
    "document.activeElement && (document.activeElement.getAttribute('data-testid') ?? document.activeElement.textContent)",
  );

describe.skipIf(!hasChromium)('the admin UI’s layout in a browser', () => {
  const world = useServerAndBrowser();

  const openTicket = async (name: string | null, phone: string) =>
    (
      await world.server.ok('mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }', {
        input: {
          phoneNumber: phone,
          ...(name ? { senderName: name } : {}),
          issueDescription: 'My exam registration page keeps showing an error when I press submit',
        },
      })
    ).createTicket.id as string;

  it('the header says Online or Away in words, and the status menu works from the keyboard', async () => {
    const agent = await world.server.createAgent('Priya Agent');
    const isAvailable = async () =>
      (await world.server.ok<{ me: { available: boolean } }>('{ me { available } }', {}, agent.token)).me.available;
    const context = await world.browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
    const page = await signIn(context, world.server.url, agent.email, 'agent password 1');
    // No box to tick whose meaning is backwards: a button that names the status, with a dot beside the word.
    expect(await page.getByRole('checkbox', { name: /Away|Available/ }).count()).toBe(0);
    const status = page.getByRole('button', { name: 'Your status: Away' });
    expect(await status.innerText()).toContain('Away');
    expect(await status.locator('.status-dot.away').count()).toBe(1);

    // Keyboard only: focus it, open it, move to Online, choose it; focus comes back to the button.
    await status.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Your status' });
    await menu.waitFor();
    expect(await page.getByRole('menuitemradio', { name: /Away/ }).getAttribute('aria-checked')).toBe('true');
    await page.screenshot({ path: join(ARTIFACTS, 'layout-status-menu-1440.png') });
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toMatch(/^Online/);
    await page.keyboard.press('Enter');
    const online = page.getByRole('button', { name: 'Your status: Online' });
    await online.waitFor();
    await expect.poll(isAvailable).toBe(true);
    expect(await online.locator('.status-dot.online').count()).toBe(1);
    expect(await menu.count()).toBe(0);
    expect(await focused(page)).toBe('status-button');

    // Escape closes the menu without a change; Space and the arrows open it too.
    await page.keyboard.press('ArrowDown');
    await menu.waitFor();
    await page.keyboard.press('Escape');
    expect(await menu.count()).toBe(0);
    expect(await isAvailable()).toBe(true);
    await page.keyboard.press(' ');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Your status: Away' }).waitFor();
    await expect.poll(isAvailable).toBe(false);

    // At a phone's width the menu is whole on screen.
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Your status: Away' }).click();
    await menu.waitFor();
    const box = await menu.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(ARTIFACTS, 'layout-status-menu-375.png') });
    await context.close();
  });

  it('the ticket header does not move when another agent’s avatar appears on it', async () => {
    const bea = await world.server.createAgent('Bea Second');
    const ticketId = await openTicket('Kofi Mensah', '447700900611');
    for (const viewport of [DESKTOP, PHONE]) {
      const adminContext = await world.browser.newContext({ viewport, locale: 'en-GB' });
      const admin = await signIn(adminContext, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD, `/tickets/${ticketId}`);
      await admin.getByTestId('message').first().waitFor();
      // A phone folds the contact panel behind the header's Contact button; a wide screen shows it beside the thread.
      const contactLink =
        viewport === PHONE
          ? admin.getByRole('button', { name: 'Contact', exact: true })
          : admin.getByRole('link', { name: 'Contact & history' });
      const thread = admin.getByRole('list', { name: 'Messages' });
      const before = { link: await contactLink.boundingBox(), thread: await thread.boundingBox() };

      const beaContext = await world.browser.newContext({ viewport, locale: 'en-GB' });
      await signIn(beaContext, world.server.url, bea.email, 'agent password 1', `/tickets/${ticketId}`);
      await admin.getByTestId('viewer').filter({ hasText: 'Bea Second' }).waitFor({ timeout: 10_000 });
      await admin.screenshot({ path: join(ARTIFACTS, `layout-viewers-${viewport.width}.png`) });
      const after = { link: await contactLink.boundingBox(), thread: await thread.boundingBox() };
      expect({ viewport: viewport.width, ...after }).toEqual({ viewport: viewport.width, ...before });
      await beaContext.close();
      await adminContext.close();
    }
  }, 60_000);

  it('the server-down banner hides nothing: the reply box and its Send button stay whole and in view', async () => {
    const ticketId = await openTicket('Ama Owusu', '447700900711');
    for (const viewport of [DESKTOP, PHONE]) {
      const context = await world.browser.newContext({ viewport, locale: 'en-GB' });
      const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD, `/tickets/${ticketId}`);
      await page.getByTestId('message').first().waitFor();
      await page.getByLabel('Reply to the customer').fill('Are you still there?');
      expect(await fullyVisible(page, '.reply-box textarea')).toBe('visible');
      expect(await fullyVisible(page, SEND)).toBe('visible');

      await context.setOffline(true);
      // On a phone the ticket's actions are folded under one button.
      if (viewport === PHONE) await page.getByRole('button', { name: /Actions/ }).click();
      await page.locator('.detail-actions').getByLabel('Priority').selectOption('HIGH');
      await page.getByText('The server cannot be reached').waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(ARTIFACTS, `layout-offline-${viewport.width}.png`) });
      expect({ viewport: viewport.width, send: await fullyVisible(page, SEND) }).toEqual({
        viewport: viewport.width,
        send: 'visible',
      });
      expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
      await context.setOffline(false);
      await page.getByText('The server cannot be reached').waitFor({ state: 'detached', timeout: 20_000 });
      await context.close();
    }
  }, 90_000);

  it('nothing is wider than a 375 px screen, and on a ticket the reply box is in view', async () => {
    // Content that stretches tables: agents with long addresses, a token, a label, a template, a parked element.
    await world.server.createAgent('Maximiliana Longname-Hyphenated');
    await world.server.ok(
      'mutation { createApiToken(name: "Reporting tool for the registry", scopes: [READ]) { token } }',
    );
    await world.server.ok('mutation { createLabel(input: { name: "exam registration", color: "#1f6feb" }) { id } }');
    await world.server.ok(
      'mutation { createMessageTemplate(input: { name: "registration_follow_up_reminder", languageCode: "en_GB", body: "Hello {{1}}, your registration for {{2}} is still open." }) { id } }',
    );
    const named = await openTicket('Tola Ade', '447700900501');
    const nameless = await openTicket(null, '4477009005021234');
    const context = await world.browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);

    const screens: [string, string, () => Promise<unknown>][] = [
      ['dashboard', '/', () => page.getByTestId('ticket-row').first().waitFor()],
      ['ticket', `/tickets/${named}`, () => page.getByTestId('message').first().waitFor()],
      ['ticket-no-name', `/tickets/${nameless}`, () => page.getByTestId('message').first().waitFor()],
      ['settings', '/settings', () => page.getByRole('region', { name: 'Automatic assignment' }).waitFor()],
      ['reports', '/reports', () => page.getByRole('heading', { name: 'Reports' }).waitFor()],
      ['contact', `/contacts/447700900501?from=${named}`, () => page.locator('#contact-title').waitFor()],
      ['problems', '/problems', () => page.getByRole('heading', { name: 'Problems' }).waitFor()],
    ];
    const found: Record<string, { fits: boolean; cut: string[]; composer?: string[] }> = {};
    for (const [name, path, ready] of screens) {
      await page.goto(world.server.url + path);
      await ready();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(ARTIFACTS, `layout-375-${name}.png`), fullPage: true });
      const width = await pageWidth(page);
      found[name] = { fits: width <= PHONE.width, cut: await overflowing(page) };
      if (!found[name].fits) console.log(`${name} is ${width} px wide`);
      // On a ticket, the reply box and the newest message share the first screen: no scrolling the thread away.
      if (name.startsWith('ticket'))
        found[name].composer = [
          await fullyVisible(page, '.reply-box textarea'),
          await fullyVisible(page, SEND),
          await fullyVisible(page, '[data-testid="message"]:last-child .body'),
        ];
    }
    // Each section of Settings, one picture each, to look at.
    const sections = page.locator('.settings section');
    await page.goto(`${world.server.url}/settings`);
    await page.getByRole('region', { name: 'Automatic assignment' }).waitFor();
    for (let index = 0; index < (await sections.count()); index++)
      await sections.nth(index).screenshot({ path: join(ARTIFACTS, `layout-375-settings-${index + 1}.png`) });
    const expected = Object.fromEntries(
      screens.map(([name]) => [
        name,
        { fits: true, cut: [], ...(name.startsWith('ticket') ? { composer: ['visible', 'visible', 'visible'] } : {}) },
      ]),
    );
    expect(found).toEqual(expected);

    // The same screens on a desktop, to look at.
    await page.setViewportSize(DESKTOP);
    for (const [name, path, ready] of screens) {
      await page.goto(world.server.url + path);
      await ready();
      await page.screenshot({ path: join(ARTIFACTS, `layout-1440-${name}.png`), fullPage: name === 'settings' });
      expect({ name, width: await pageWidth(page) }).toEqual({ name, width: DESKTOP.width });
    }
    await context.close();
  }, 90_000);
});
