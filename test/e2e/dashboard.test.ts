// The dashboard in a real browser (Debian's Chromium driven by playwright-core) against the real server:
// a person asks for chat support, two agents see it live, one answers and closes it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, eventually } from '../helpers/harness.js';

describe.skipIf(!hasChromium)('the dashboard in a browser', () => {
  const world = useServerAndBrowser();

  it('shows a new WhatsApp ticket live to two agents, and one answers and closes it', async () => {
    const agent = await world.server.createAgent('Bea Second');
    const agentEmail = agent.email;
    const first = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const second = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const admin = await signIn(first, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const other = await signIn(second, world.server.url, agentEmail, 'agent password 1');
    // (This line used to be an expect() on a locator, which could never fail.)
    await admin.getByTestId('empty-tickets').waitFor();

    // The person, on WhatsApp (the simulator sends signed deliveries to the real webhook).
    const phone = '447700900321';
    const send = (variables: Record<string, string>) =>
      world.server.ok(
        'mutation($p: String!, $n: String, $t: String, $c: String, $ct: String) { simulatorSend(phoneNumber: $p, name: $n, text: $t, choiceId: $c, choiceTitle: $ct) { id } }',
        { p: phone, n: 'Tola Ade', ...variables },
      );
    await send({ t: 'Hello' });
    await send({ c: 'chat_support', ct: '💬 Chat Support' });
    await send({ t: 'My course registration page shows an error' });
    const webhookDone = Date.now();

    // Both dashboards show it without a reload.
    const row = admin.getByTestId('ticket-row').filter({ hasText: 'Tola Ade' });
    await row.waitFor({ timeout: 5000 });
    const shownAfterMs = Date.now() - webhookDone;
    console.log(`a new ticket showed on an open dashboard ${shownAfterMs} ms after the webhook's 200`);
    await other.getByTestId('ticket-row').filter({ hasText: 'Tola Ade' }).waitFor({ timeout: 5000 });
    await eventually(
      async () =>
        (await admin.getByTestId('badge').innerText()).includes('1\nopen') ||
        (await admin.getByTestId('badge').innerText()).includes('1 open')
          ? true
          : undefined,
      5000,
      'the badge to count the ticket',
    );
    expect(await admin.title()).toMatch(/^\(1\) Support desk$/);
    await admin.screenshot({ path: join(ARTIFACTS, 'dashboard-list.png') });

    // The admin opens it, reads the thread, and replies with Enter.
    await row.click();
    await admin.getByRole('heading', { name: /Tola Ade/ }).waitFor();
    await admin.getByTestId('message').filter({ hasText: 'My course registration page shows an error' }).waitFor();
    const reply = admin.getByLabel('Reply to the customer');
    await reply.fill('Hi Tola, I have reset your registration. Please try again.');
    await reply.press('Enter');
    await admin.getByTestId('message').filter({ hasText: 'I have reset your registration' }).waitFor();

    // The person's phone receives it, and the other agent sees it in the thread live.
    const received = await eventually(
      async () => {
        const { simulatorPhone } = await world.server.ok(
          'query($p: String!) { simulatorPhone(phoneNumber: $p) { messages { fromPerson text } } }',
          { p: phone },
        );
        return simulatorPhone.messages.find((message: { text: string }) =>
          message.text.includes('I have reset your registration'),
        );
      },
      10_000,
      'the reply on the phone',
    );
    expect(received.fromPerson).toBe(false);
    await other.getByTestId('ticket-row').filter({ hasText: 'Tola Ade' }).click();
    await other.getByTestId('message').filter({ hasText: 'I have reset your registration' }).waitFor();
    await send({ t: 'It works now, thank you!' });
    await other.getByTestId('message').filter({ hasText: 'It works now, thank you!' }).waitFor();
    await admin.getByTestId('message').filter({ hasText: 'It works now, thank you!' }).waitFor();
    await admin.screenshot({ path: join(ARTIFACTS, 'dashboard-detail.png') });

    // Close: the ticket leaves the open list on both screens, and the closing message reaches the phone.
    await admin.getByRole('button', { name: 'Resolve…' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Resolve', exact: true }).click();
    await admin.getByTestId('ticket-row').filter({ hasText: 'Tola Ade' }).waitFor({ state: 'detached', timeout: 5000 });
    await other.getByTestId('ticket-row').filter({ hasText: 'Tola Ade' }).waitFor({ state: 'detached', timeout: 5000 });
    await eventually(
      async () => {
        const { simulatorPhone } = await world.server.ok(
          'query($p: String!) { simulatorPhone(phoneNumber: $p) { messages { text } } }',
          { p: phone },
        );
        return simulatorPhone.messages.some(
          (message: { text: string }) => message.text === '✅ Your support ticket has been resolved!',
        )
          ? true
          : undefined;
      },
      10_000,
      'the closing message on the phone',
    );

    // Small screens get one pane at a time.
    const narrow = await world.browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'en-GB' });
    const mobile = await signIn(narrow, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await mobile.getByLabel('Status').selectOption('all');
    await mobile.getByTestId('ticket-row').filter({ hasText: 'Tola Ade' }).click();
    await mobile.getByRole('button', { name: 'Back to the list' }).waitFor();
    await mobile.screenshot({ path: join(ARTIFACTS, 'dashboard-mobile.png') });
    await Promise.all([first.close(), second.close(), narrow.close()]);
  }, 90_000);

  it('plays the person in the simulator page and sees the bot answer', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Simulator' }).click();
    await page.getByLabel('Phone number').fill('447700900654');
    await page.getByLabel('Message').fill('hi');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('button', { name: '💬 Chat Support' }).click();
    await page.getByTestId('phone-message').filter({ hasText: 'Please describe your issue' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'simulator.png') });
    await context.close();
  }, 60_000);

  it('an expired session returns to sign-in and the reply being typed is still there after signing in again', async () => {
    const ticket = await world.server.ok(
      'mutation { createTicket(input: { phoneNumber: "447700900999", senderName: "Dee Draft", issueDescription: "Draft test" }) { id } }',
    );
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto(`${world.server.url}/tickets/${ticket.createTicket.id}`);
    await page.getByLabel('Reply to the customer').fill('Half-written answer about the draft');
    // The session ends behind the browser's back (as when it expires).
    const session = (await context.cookies()).find((cookie) => cookie.name === 'support_session');
    await world.server.ok('mutation { logout }', {}, session?.value);
    // The server closes the session's socket at once (4403); the page goes back to sign-in by itself.
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Reply to the customer').inputValue()).resolves.toBe(
      'Half-written answer about the draft',
    );
    await context.close();
  });

  it('says so when the server cannot be reached, and recovers by itself', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await context.setOffline(true);
    await page.getByLabel('Status').selectOption('all');
    await page.getByText('The server cannot be reached').waitFor({ timeout: 10_000 });
    await context.setOffline(false);
    await page.getByText('The server cannot be reached').waitFor({ state: 'detached', timeout: 20_000 });
    await context.close();
  });
});
