// Outgoing webhooks in a real browser: an admin adds an endpoint that points at a receiver in this test (the
// secret shown once, then gone), a ticket opened on WhatsApp reaches the receiver signed with that secret and shows
// in the delivery log as delivered; a failing receiver's error shows in the log and Redeliver gets through once it
// recovers. An agent has no way in. Screenshots at 1440 and 375 px.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useBrowserWithCloudApi } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, openFromWhatsapp } from '../helpers/harness.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver: records what it is sent, and answers 204 or, while `failing`, 500. */
function startReceiver() {
  const received: Received[] = [];
  const waiting: (() => void)[] = [];
  const state = { failing: false };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      for (const wake of waiting.splice(0)) wake();
      response.statusCode = state.failing ? 500 : 204;
      response.end(state.failing ? 'receiver is down' : undefined);
    });
  });
  return {
    received,
    state,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/desk-events`,
    listen: () => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    /** Resolves with the first request (already received or not) that `match` accepts. */
    async next(match: (request: Received) => boolean): Promise<Received> {
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    },
  };
}

const eventOf = (request: Received) =>
  JSON.parse(request.body) as { id: string; type: string; ticket?: { id: string } };

/** The Stripe-style signature check a receiver makes with the endpoint's secret. */
function signatureMatches(request: Received, secret: string): boolean {
  const header = String(request.headers['x-desk-signature'] ?? '');
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${request.body}`).digest('hex');
  return parts.v1 === expected;
}

const rowOf = (page: Page, text: string | RegExp) => page.getByTestId('webhook-delivery').filter({ hasText: text });

async function newPage(browser: Browser, url: string, email: string, password: string, path: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  context.setDefaultTimeout(15_000);
  return signIn(context, url, email, password, path);
}

describe.skipIf(!hasChromium)('outgoing webhooks in a browser', () => {
  const world = useBrowserWithCloudApi({ WEBHOOKS_ALLOW_PRIVATE: '1' });
  const receiver = startReceiver();
  beforeAll(() => receiver.listen());
  afterAll(() => receiver.close());

  it('an admin adds an endpoint, copies its secret once, and sees a new ticket delivered to it, signed', async () => {
    const { server, browser } = world;
    const page = await newPage(browser, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, '/settings');
    await page.getByRole('link', { name: 'Manage webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByText('No endpoints yet').waitFor();

    await page.getByLabel('Endpoint URL').fill(receiver.url());
    await page.getByLabel('Description (optional)').fill('CRM sync');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByRole('alert').filter({ hasText: 'Choose at least one event.' }).waitFor();
    await page.getByLabel(/^Ticket created/).check();
    await page.getByLabel(/^Message added/).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();

    const notice = page.getByTestId('webhook-secret');
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toContain('you won’t see it again');
    // The notice has the focus, so that a screen reader reads it out.
    await expect(
      page.evaluate<string | null>('document.activeElement && document.activeElement.getAttribute("data-testid")'),
    ).resolves.toBe('webhook-secret');
    const secret = await notice.locator('code').innerText();
    expect(secret.length).toBeGreaterThanOrEqual(24);
    const card = page.getByTestId('webhook-endpoint').filter({ hasText: receiver.url() });
    await expect(card.innerText()).resolves.toMatch(
      /Enabled[\s\S]*CRM sync[\s\S]*ticket\.created[\s\S]*message\.added/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'webhooks-created-1440.png'), fullPage: true });
    await notice.getByRole('button', { name: 'I have saved it' }).click();
    await page.reload();
    await card.waitFor();
    await expect(page.content()).resolves.not.toContain(secret);

    const ticket = await openFromWhatsapp(server, 0);
    const sent = await receiver.next((request) => eventOf(request).type === 'ticket.created');
    expect(signatureMatches(sent, secret)).toBe(true);
    expect(eventOf(sent).ticket?.id).toBe(ticket.id);

    await card.getByRole('link', { name: /Deliveries and settings/ }).click();
    const row = rowOf(page, eventOf(sent).id);
    await row.and(page.locator('[data-status="DELIVERED"]')).waitFor();
    await expect(row.innerText()).resolves.toMatch(/ticket\.created[\s\S]*Delivered/);
    await row.getByRole('button', { name: 'Payload' }).click();
    await expect(page.locator('.webhook-payload-row pre').first().innerText()).resolves.toContain(
      '"type": "ticket.created"',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'webhooks-log-1440.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  it("a failing receiver's error shows in the log, and Redeliver gets through once it recovers", async () => {
    const { server, browser } = world;
    const page = await newPage(browser, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, '/settings/webhooks');
    await page
      .getByTestId('webhook-endpoint')
      .first()
      .getByRole('link', { name: /Deliveries and settings/ })
      .click();
    await page.getByRole('heading', { name: 'Delivery log' }).waitFor();

    receiver.state.failing = true;
    await page.getByRole('button', { name: 'Send test ping' }).click();
    const ping = await receiver.next((request) => eventOf(request).type === 'ping');
    const pingRow = rowOf(page, eventOf(ping).id);
    await pingRow.filter({ hasText: 'HTTP 500' }).waitFor();
    await expect(pingRow.getAttribute('data-status')).resolves.toMatch(/PENDING|FAILED/);
    await page.getByLabel('Status', { exact: true }).selectOption('DELIVERED');
    await expect.poll(() => rowOf(page, eventOf(ping).id).count()).toBe(0);
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await pingRow.waitFor();

    receiver.state.failing = false;
    const before = receiver.received.length;
    await pingRow.getByRole('button', { name: 'Redeliver' }).click();
    const again = await receiver.next(
      (request) => receiver.received.indexOf(request) >= before && eventOf(request).id === eventOf(ping).id,
    );
    expect(again.headers['x-desk-event-id']).toBe(eventOf(ping).id);
    // The log catches up by itself, without a reload.
    await rowOf(page, eventOf(ping).id).and(page.locator('[data-status="DELIVERED"]')).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'webhooks-redelivered-1440.png'), fullPage: true });

    await page.setViewportSize({ width: 375, height: 812 });
    await page.waitForTimeout(200);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(ARTIFACTS, 'webhooks-log-375.png'), fullPage: true });
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await page.getByTestId('webhook-endpoint').first().waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(ARTIFACTS, 'webhooks-list-375.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  it('an agent sees no Settings link and is not let into the webhooks screen', async () => {
    const { server, browser } = world;
    const agent = await server.createAgent('Ade Agent');
    const page = await newPage(browser, server.url, agent.email, 'agent password 1', '/');
    await expect(page.getByRole('link', { name: 'Settings', exact: true }).count()).resolves.toBe(0);
    await expect(page.getByTestId('webhooks-off-badge').count()).resolves.toBe(0);
    await page.goto(`${server.url}/settings/webhooks`);
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    await expect(page.getByText('Only admins can manage webhooks.').count()).resolves.toBe(1);
    await expect(page.getByTestId('webhook-endpoint').count()).resolves.toBe(0);
    await page.context().close();
  }, 60_000);
});
