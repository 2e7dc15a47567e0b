// Accessibility (issue 16): axe-core, run inside Chromium on every screen of the dashboard at 1440 px and 375 px,
// finds no serious or critical violation of WCAG 2.1 A/AA. Each screen is shown with real content (tickets with
// replies and notes, a contact, reports with figures), since an empty screen hides most of what can go wrong.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTicket } from '../helpers/harness.js';

const WIDTHS = [1440, 375];
const SEND =
  'mutation($p: String!, $n: String, $t: String, $c: String, $ct: String) { simulatorSend(phoneNumber: $p, name: $n, text: $t, choiceId: $c, choiceTitle: $ct) { id } }';

type Finding = { screen: string; width: number; rule: string; impact: string; targets: string[] };

/** axe's serious and critical findings on what the page shows now, one line per rule and node. */
async function findings(page: Page, screen: string, width: number): Promise<Finding[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      screen,
      width,
      rule: `${violation.id}: ${violation.help}`,
      impact: violation.impact ?? '',
      targets: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
    }));
}

describe.skipIf(!hasChromium)('accessibility of every screen (axe-core)', () => {
  const world = useServerAndBrowser({ WEBHOOKS_ALLOW_PRIVATE: '1' });
  const paths = {} as Record<string, string>;
  let page: Page;

  beforeAll(async () => {
    const { server } = world;
    // Content for every screen: a ticket from the simulated phone (bot conversation, menu), one with a reply and a
    // note.
    const phone = '+94770000101';
    await server.ok(SEND, { p: phone, n: 'Nimal Perera', t: 'Hello' });
    await server.ok(SEND, { p: phone, n: 'Nimal Perera', c: 'chat_support', ct: '💬 Chat Support' });
    await server.ok(SEND, { p: phone, n: 'Nimal Perera', t: 'My exam results are missing' });
    const ticket = await createTicket(server, { senderName: 'Ann Lee', priority: 'HIGH' });
    await server.ok('mutation($t: ID!, $b: String!) { sendMessage(ticketId: $t, body: $b) { id } }', {
      t: ticket.id,
      b: 'We are looking into it.',
    });
    await server.ok('mutation($t: ID!, $b: String!) { addNote(ticketId: $t, body: $b) { id } }', {
      t: ticket.id,
      b: 'Checked the exam system.',
    });
    paths.ticket = `/tickets/${ticket.id}`;
    const { tickets } = await server.ok<{ tickets: { edges: { node: { id: string; phoneNumber: string } }[] } }>(
      '{ tickets(first: 10) { edges { node { id phoneNumber } } } }',
    );
    paths.phoneTicket = `/tickets/${tickets.edges.find(({ node }) => node.phoneNumber.endsWith('94770000101'))!.node.id}`;
    paths.contact = `/contacts/${encodeURIComponent(ticket.phoneNumber)}`;
    // A webhook endpoint where nothing listens: its ping fails, so the log has an error to show.
    const { createWebhookEndpoint } = await server.ok<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
      'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } } }',
      { i: { url: 'http://127.0.0.1:9/desk-events', events: ['TICKET_CREATED'], description: 'CRM sync' } },
    );
    await server.ok('mutation($id: ID!) { pingWebhookEndpoint(id: $id) { id } }', {
      id: createWebhookEndpoint.endpoint.id,
    });
    paths.webhook = `/settings/webhooks/${createWebhookEndpoint.endpoint.id}`;
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    page = await signIn(context, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  }, 60_000);

  it('the sign-in page', async () => {
    const signedOut = await world.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const signInPage = await signedOut.newPage();
    await signInPage.goto(world.server.url);
    await signInPage.getByLabel('Email').waitFor();
    const found: Finding[] = [];
    for (const width of WIDTHS) {
      await signInPage.setViewportSize({ width, height: 900 });
      found.push(...(await findings(signInPage, 'sign in', width)));
    }
    await signedOut.close();
    expect(found.map(describeFinding)).toEqual([]);
  }, 90_000);

  it.each([
    ['tickets', '/'],
    ['ticket', 'ticket'],
    ['missing ticket', '/tickets/999999'],
    ['contact', 'contact'],
    ['canned responses', '/canned-responses'],
    ['reports', '/reports'],
    ['simulator', '/simulator'],
    ['settings', '/settings'],
    ['webhooks', '/settings/webhooks'],
    ['webhook endpoint', 'webhook'],
    ['account', '/account'],
    ['problems', '/problems'],
  ])(
    'the %s screen',
    async (screen, path) => {
      await page.goto(world.server.url + (paths[path] ?? path));
      await page.getByTestId('badge').waitFor();
      await page.waitForLoadState('networkidle');
      const found: Finding[] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width === 375 ? 740 : 900 });
        await page.waitForTimeout(150);
        found.push(...(await findings(page, screen, width)));
      }
      await page.setViewportSize({ width: 1440, height: 900 });
      expect(found.map(describeFinding)).toEqual([]);
    },
    90_000,
  );

  // Dialogs, menus and panels that only appear after an action: each is checked open.
  it.each<[string, string, (page: Page) => Promise<void>]>([
    [
      'contacts list',
      '/contacts',
      async (p) =>
        void (await p
          .getByRole('heading', { name: /Contacts/ })
          .first()
          .waitFor()),
    ],
    ['Mentions tab', '/', async (p) => p.getByRole('tab', { name: /^Mentions/ }).click()],
    [
      'shortcuts overlay',
      '/',
      async (p) => {
        await p.keyboard.press('?');
        await p.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      },
    ],
    [
      'command palette',
      '/',
      async (p) => {
        await p.keyboard.press('Control+k');
        await p.getByRole('combobox', { name: 'Command palette' }).fill('Ann');
        await p.getByRole('listbox').getByRole('option').first().waitFor();
      },
    ],
    [
      'resolve dialog',
      'ticket',
      async (p) => {
        await p.keyboard.press('e');
        await p.getByRole('dialog', { name: /Resolve ticket/ }).waitFor();
      },
    ],
    [
      'bulk action bar',
      '/',
      async (p) => {
        await p.getByTestId('ticket-row').first().waitFor();
        await p.locator('.row-check').first().click();
        await p.getByRole('button', { name: 'Resolve…' }).waitFor();
      },
    ],
    [
      'webhook payload and delete dialog',
      'webhook',
      async (p) => {
        await p.getByRole('button', { name: 'Payload' }).first().click();
        await p.getByRole('button', { name: 'Delete' }).click();
        await p.getByRole('dialog', { name: 'Delete this endpoint?' }).waitFor();
      },
    ],
    [
      'bot conversation unfolded',
      'phoneTicket',
      async (p) => p.getByText(/Conversation with the bot before the ticket/).click(),
    ],
  ])(
    'the %s',
    async (screen, path, open) => {
      await page.goto(world.server.url + (paths[path] ?? path));
      await page.getByTestId('badge').waitFor();
      await page.waitForLoadState('networkidle');
      await open(page);
      await page.waitForTimeout(200);
      const found: Finding[] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width === 375 ? 740 : 900 });
        await page.waitForTimeout(150);
        found.push(...(await findings(page, screen, width)));
      }
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.keyboard.press('Escape');
      expect(found.map(describeFinding)).toEqual([]);
    },
    90_000,
  );

  it('the contact panel unfolded on a phone', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(world.server.url + paths.ticket);
    await page.getByRole('button', { name: 'Contact', exact: true }).click();
    await page.waitForTimeout(200);
    const found = await findings(page, 'contact panel', 375);
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(found.map(describeFinding)).toEqual([]);
  }, 90_000);
});

const describeFinding = (f: Finding) =>
  `${f.screen} @${f.width}: [${f.impact}] ${f.rule}\n    ${f.targets.join('\n    ')}`;
