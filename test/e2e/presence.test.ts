// Collision detection in a real browser: two agents on one ticket see each other viewing and typing (and the
// person's simulated phone shows "typing…"); a reply that crosses the other agent's is held back with a
// warning, then reviewed or sent anyway; a closed tab leaves.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, eventually, startServer, type TestServer } from '../helpers/harness.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM}`);
  console.warn(`SKIPPING the browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
}

async function openTicketAs(
  context: BrowserContext,
  url: string,
  ticketId: string,
  email: string,
  password: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/tickets/${ticketId}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('message').first().waitFor();
  return page;
}

describe.skipIf(!hasChromium)('collision detection in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer('sqlite', { WHATSAPP_SIMULATOR: 'on', OUTBOX_POLL_MS: '20' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('two agents on one ticket see each other viewing and typing, and a crossing reply is held back with a warning', async () => {
    const bea = await server.createAgent('Bea Second');
    // The person opens the ticket on (simulated) WhatsApp, so that the typing indicator has a message to show on.
    const phone = '447700900777';
    const personSends = (variables: Record<string, string>) =>
      server.ok(
        'mutation($p: String!, $t: String, $c: String, $ct: String) { simulatorSend(phoneNumber: $p, name: "Kofi Mensah", text: $t, choiceId: $c, choiceTitle: $ct) { id } }',
        { p: phone, ...variables },
      );
    await personSends({ t: 'Hello' });
    await personSends({ c: 'chat_support', ct: '💬 Chat Support' });
    await personSends({ t: 'My transcript request is stuck' });
    const ticket = (
      await server.ok(
        'query($p: String!) { tickets(first: 1, filter: { phoneNumber: $p }) { edges { node { id } } } }',
        { p: phone },
      )
    ).tickets.edges[0].node;
    const phoneShowsTyping = async () =>
      (await server.ok('{ simulatorPhones { phoneNumber typing } }')).simulatorPhones.find(
        (entry: { phoneNumber: string }) => entry.phoneNumber === phone,
      )?.typing;
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 820 }, locale: 'en-GB' });
    const beaContext = await browser.newContext({ viewport: { width: 1280, height: 820 }, locale: 'en-GB' });
    const admin = await openTicketAs(adminContext, server.url, ticket.id, ADMIN_EMAIL, ADMIN_PASSWORD);
    const other = await openTicketAs(beaContext, server.url, ticket.id, bea.email, 'agent password 1');

    // Each sees the other in the header, and not themselves.
    await admin.getByTestId('viewer').filter({ hasText: 'Bea Second' }).waitFor({ timeout: 10_000 });
    await other.getByTestId('viewer').filter({ hasText: 'Admin' }).waitFor({ timeout: 10_000 });
    expect(await admin.getByTestId('viewer').count()).toBe(1);

    // Bea types: the admin sees it at once; when she pauses, it clears.
    const beaReply = other.getByLabel('Reply to the customer');
    await beaReply.pressSequentially('Hi Kofi, I am checking', { delay: 20 });
    await admin.getByTestId('typing-notice').filter({ hasText: 'Bea Second is typing' }).waitFor({ timeout: 5000 });
    await admin.screenshot({ path: join(ARTIFACTS, 'presence-typing.png') });
    await eventually(
      async () => ((await phoneShowsTyping()) ? true : undefined),
      5000,
      'the person’s phone to show typing…',
    );
    await admin
      .getByTestId('typing-notice')
      .filter({ hasText: 'typing' })
      .waitFor({ state: 'detached', timeout: 10_000 });

    // The admin starts a reply; Bea sends hers first; the admin's is held back with a warning.
    const adminReply = admin.getByLabel('Reply to the customer');
    await adminReply.fill('Hello Kofi, your transcript is on its way');
    await beaReply.fill('Hi Kofi, I have pushed your transcript request through.');
    await beaReply.press('Enter');
    await admin.getByTestId('message').filter({ hasText: 'I have pushed your transcript request through' }).waitFor();
    // The reply reaches the phone, and the indicator gives way to it.
    await eventually(
      async () => ((await phoneShowsTyping()) === false ? true : undefined),
      5000,
      'the typing indicator to give way to the reply',
    );
    await adminReply.press('Enter');
    const warning = admin.getByTestId('reply-conflict');
    await warning.getByText('Bea Second replied while you were typing').waitFor({ timeout: 5000 });
    await warning.getByText('I have pushed your transcript request through').waitFor();
    expect(await admin.getByTestId('message').filter({ hasText: 'your transcript is on its way' }).count()).toBe(0);
    await admin.screenshot({ path: join(ARTIFACTS, 'presence-conflict.png') });

    // Review: the reply comes back to the box; sent after reading, it goes without another warning.
    await warning.getByRole('button', { name: 'Review my reply' }).click();
    await expect
      .poll(() => adminReply.inputValue(), { timeout: 5000 })
      .toBe('Hello Kofi, your transcript is on its way');
    await adminReply.fill('Hello Kofi, as Bea said: your transcript is on its way');
    await adminReply.press('Enter');
    await admin.getByTestId('message').filter({ hasText: 'as Bea said' }).waitFor();
    await other.getByTestId('message').filter({ hasText: 'as Bea said' }).waitFor();

    // Send anyway: the warning can be overruled.
    await adminReply.fill('One more thing from me');
    await beaReply.fill('And it should arrive tomorrow.');
    await beaReply.press('Enter');
    await admin.getByTestId('message').filter({ hasText: 'arrive tomorrow' }).waitFor();
    await adminReply.press('Enter');
    await warning.getByRole('button', { name: 'Send anyway' }).click();
    await other.getByTestId('message').filter({ hasText: 'One more thing from me' }).waitFor();
    expect(await warning.count()).toBe(0);

    // A reply with a file, held back: reviewed, it comes back with its file; held again, sent anyway, the file goes with it.
    await admin.locator('input[type="file"]').setInputFiles({
      name: 'transcript.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 transcript\n'),
    });
    const chip = admin.getByTestId('reply-attachment').filter({ hasText: 'transcript.pdf' });
    await chip.waitFor();
    await adminReply.fill('Your transcript, attached');
    const beaAnswers = async (text: string) => {
      await beaReply.fill(text);
      await beaReply.press('Enter');
      await admin.getByTestId('message').filter({ hasText: text }).waitFor();
    };
    await beaAnswers('A copy goes by post too.');
    await adminReply.press('Enter');
    await warning.getByRole('button', { name: 'Review my reply' }).click();
    await expect.poll(() => adminReply.inputValue(), { timeout: 5000 }).toBe('Your transcript, attached');
    await chip.waitFor();
    await beaAnswers('Anything else, Kofi?');
    await adminReply.press('Enter');
    await warning.getByRole('button', { name: 'Send anyway' }).click();
    for (const page of [admin, other]) {
      await page
        .getByTestId('message')
        .filter({ hasText: 'Your transcript, attached' })
        .getByRole('link', { name: /transcript\.pdf/ })
        .waitFor();
    }
    expect(await chip.count()).toBe(0);

    // Bea closes her tab: she leaves the admin's header at once.
    const closedAt = Date.now();
    await beaContext.close();
    await admin.getByTestId('viewer').filter({ hasText: 'Bea Second' }).waitFor({ state: 'detached', timeout: 10_000 });
    console.log(`a closed tab left the other agent's screen after ${Date.now() - closedAt} ms`);
    expect(Date.now() - closedAt).toBeLessThan(5000);
    await adminContext.close();
  }, 120_000);
});
