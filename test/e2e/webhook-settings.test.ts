// Outgoing webhooks in a real browser: an admin adds an endpoint that points at a receiver in this test (the
// secret shown once, then gone), a ticket opened on WhatsApp reaches the receiver signed with that secret and shows
// in the delivery log as delivered; a failing receiver's error shows in the log and Redeliver gets through once it
// recovers. An agent has no way in. Screenshots at 1440 and 375 px.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, launchBrowser, signIn, useBrowserWithCloudApi } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, openFromWhatsapp, startServer, type TestServer } from '../helpers/harness.js';
import {
  type ReceivedWebhook,
  startWebhookReceiver,
  verifySignature,
  type WebhookReceiver,
} from '../helpers/webhook-receiver.js';

/** The first request received (now or later) that `match` accepts. */
async function nextRequest(receiver: WebhookReceiver, match: (request: ReceivedWebhook) => boolean, what: string) {
  await receiver.waitFor((received) => received.some(match), 20_000, what);
  return receiver.received.find(match)!;
}

const rowOf = (page: Page, text: string | RegExp) => page.getByTestId('webhook-delivery').filter({ hasText: text });

async function newPage(browser: Browser, url: string, email: string, password: string, path: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  context.setDefaultTimeout(15_000);
  return signIn(context, url, email, password, path);
}

describe.skipIf(!hasChromium)('outgoing webhooks in a browser', () => {
  const world = useBrowserWithCloudApi({ WEBHOOKS_ALLOW_PRIVATE: '1' });
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver?.close());

  it('an admin adds an endpoint, copies its secret once, sees a new ticket delivered to it signed, edits it and rotates the secret', async () => {
    const { server, browser } = world;
    const page = await newPage(browser, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, '/settings');
    await page.getByRole('link', { name: 'Manage webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByText('No endpoints yet').waitFor();

    await page.getByLabel('Endpoint URL').fill(receiver.url);
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
    const card = page.getByTestId('webhook-endpoint').filter({ hasText: receiver.url });
    await expect(card.innerText()).resolves.toMatch(
      /Enabled[\s\S]*CRM sync[\s\S]*ticket\.created[\s\S]*message\.added/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'webhooks-created-1440.png'), fullPage: true });
    await notice.getByRole('button', { name: 'I have saved it' }).click();
    await page.reload();
    await card.waitFor();
    await expect(page.content()).resolves.not.toContain(secret);

    const ticket = await openFromWhatsapp(server, 0);
    const sent = await nextRequest(receiver, (request) => request.body.type === 'ticket.created', 'ticket.created');
    expect(verifySignature(secret, String(sent.headers['x-desk-signature']), sent.raw)).toBe(true);
    expect(sent.body.ticket.id).toBe(ticket.id);

    await card.getByRole('link', { name: /Deliveries and settings/ }).click();
    const row = rowOf(page, sent.body.id);
    await row.and(page.locator('[data-status="DELIVERED"]')).waitFor();
    await expect(row.innerText()).resolves.toMatch(/ticket\.created[\s\S]*Delivered/);
    await row.getByRole('button', { name: 'Payload' }).click();
    await expect(page.locator('.webhook-payload-row pre').first().innerText()).resolves.toContain(
      '"type": "ticket.created"',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'webhooks-log-1440.png'), fullPage: true });

    // Edit: the focus goes into the form, and back to Edit when it closes.
    await page.getByRole('button', { name: 'Edit' }).click();
    const focused = () => page.evaluate<string | null>('document.activeElement && document.activeElement.outerHTML');
    await expect(focused()).resolves.toContain('type="url"');
    await page.getByLabel('Description (optional)').fill('CRM sync (production)');
    await page.getByLabel(/^Message added/).uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.getByText('CRM sync (production)').waitFor();
    await expect(page.locator('.webhook-page > .webhook-event-names').innerText()).resolves.not.toContain(
      'message.added',
    );
    await expect(focused()).resolves.toContain('>Edit<');

    // A new secret, after a confirmation: shown once, and the next delivery is signed with it.
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rotate the signing secret?' });
    await dialog.getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = await page.getByTestId('webhook-secret').locator('code').innerText();
    expect(rotated).not.toBe(secret);
    const start = receiver.received.length;
    await page.getByRole('button', { name: 'Send test ping' }).click();
    const ping = await nextRequest(
      receiver,
      (request) => receiver.received.indexOf(request) >= start && request.body.type === 'ping',
      'the ping',
    );
    expect(verifySignature(rotated, String(ping.headers['x-desk-signature']), ping.raw)).toBe(true);
    await rowOf(page, ping.body.id).and(page.locator('[data-status="DELIVERED"]')).waitFor();
    await page.context().close();
  }, 120_000);

  it("a failing receiver's error shows in the log, and Redeliver gets through once it recovers", async () => {
    const { server, browser } = world;
    // An endpoint of its own, for ratings only, so that no ticket event of the other tests lands in its log.
    const { createWebhookEndpoint } = await server.ok<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
      'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }',
      { input: { url: `${receiver.url}?ratings`, events: ['RATING_RECEIVED'], description: 'Ratings' } },
    );
    const path = `/settings/webhooks/${createWebhookEndpoint.endpoint.id}`;
    const page = await newPage(browser, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, path);
    await page.getByRole('heading', { name: 'Delivery log' }).waitFor();

    receiver.answerWith(() => 503);
    const start = receiver.received.length;
    await page.getByRole('button', { name: 'Send test ping' }).click();
    const ping = await nextRequest(
      receiver,
      (request) => receiver.received.indexOf(request) >= start && request.body.type === 'ping',
      'the ping',
    );
    const pingRow = rowOf(page, ping.body.id);
    await pingRow.filter({ hasText: 'HTTP 503' }).waitFor();
    await expect(pingRow.getAttribute('data-status')).resolves.toMatch(/PENDING|FAILED/);
    await page.getByRole('combobox', { name: /^Status/ }).selectOption('DELIVERED');
    await expect.poll(() => rowOf(page, ping.body.id).count()).toBe(0);
    await page.getByRole('combobox', { name: /^Status/ }).selectOption('');
    await pingRow.waitFor();

    receiver.answerWith(() => 200);
    const before = receiver.received.length;
    await pingRow.getByRole('button', { name: 'Redeliver' }).click();
    const again = await nextRequest(
      receiver,
      // A new delivery of the same event, not the first one's own retry.
      (request) =>
        receiver.received.indexOf(request) >= before &&
        request.body.id === ping.body.id &&
        request.headers['x-desk-delivery'] !== ping.headers['x-desk-delivery'],
      'the redelivered ping',
    );
    expect(again.headers['x-desk-event-id']).toBe(ping.body.id);
    // The log catches up by itself, without a reload.
    await rowOf(page, ping.body.id).and(page.locator('[data-status="DELIVERED"]')).first().waitFor();
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

describe.skipIf(!hasChromium)('an endpoint disabled automatically, in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    receiver.answerWith(() => 500);
    // A run of failures longer than 1 ms disables the endpoint: its second failed attempt does.
    server = await startServer('sqlite', {
      WEBHOOKS_ALLOW_PRIVATE: '1',
      WEBHOOKS_DISABLE_AFTER_MS: '1',
      WEBHOOKS_RETRY_BASE_MS: '50',
      WEBHOOKS_RETRY_MAX_MS: '100',
      WEBHOOKS_POLL_MS: '50',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  it('the admin is told in the header, reads why on the screen, and enables it again', async () => {
    const page = await newPage(browser, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, '/');
    await expect(page.getByTestId('webhooks-off-badge').count()).resolves.toBe(0);
    const { createWebhookEndpoint } = await server.ok<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
      'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }',
      { input: { url: receiver.url, events: ['TICKET_CREATED'] } },
    );
    await server.ok('mutation($id: ID!) { pingWebhookEndpoint(id: $id) { id } }', {
      id: createWebhookEndpoint.endpoint.id,
    });

    const badge = page.getByTestId('webhooks-off-badge');
    await badge.filter({ hasText: '1 webhook off' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'webhooks-disabled-badge-1440.png') });
    await badge.click();
    await page.getByText('1 endpoint was disabled automatically').waitFor();
    const card = page.getByTestId('webhook-endpoint').filter({ hasText: receiver.url });
    await expect(card.innerText()).resolves.toMatch(/Disabled[\s\S]*Failing since/);
    await expect(card.getByTestId('webhook-disabled-reason').innerText()).resolves.not.toBe('');
    await page.screenshot({ path: join(ARTIFACTS, 'webhooks-disabled-1440.png'), fullPage: true });

    receiver.answerWith(() => 200);
    await card.getByRole('link', { name: /Deliveries and settings/ }).click();
    await page.getByRole('button', { name: 'Enable' }).click();
    await page.getByRole('status').filter({ hasText: 'Enabled: new events are sent again.' }).waitFor();
    await badge.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Send test ping' }).click();
    await page.getByTestId('webhook-delivery').and(page.locator('[data-status="DELIVERED"]')).first().waitFor();
    await page.context().close();
  }, 90_000);
});
