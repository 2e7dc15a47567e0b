// Accounts in a real browser against the real server: an agent changes their password and their other browser
// is signed out; an admin resets an agent's password and the agent sets a new one with the link; an admin
// deactivates an agent, who is signed out at once and cannot sign in again. Screenshots at 1440 and 375 px.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTicket } from '../helpers/harness.js';

const AGENT_PASSWORD = 'agent password 1';
const WIDE = { width: 1440, height: 900 };
const NARROW = { width: 375, height: 812 };

async function newContext(browser: Browser, viewport = WIDE): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  context.setDefaultTimeout(10_000);
  return context;
}

/** The sign-in form is back: the page's session ended. */
const signedOut = (page: Page) => page.getByRole('button', { name: 'Sign in' }).waitFor();

describe.skipIf(!hasChromium)('accounts in a browser', () => {
  const world = useServerAndBrowser();

  it('an agent changes their password from their account page; their other browser is signed out at once', async () => {
    const { server, browser } = world;
    const agent = await server.createAgent('Cleo Change');
    const laptop = await newContext(browser);
    const phone = await newContext(browser, NARROW);
    const elsewhere = await signIn(phone, server.url, agent.email, AGENT_PASSWORD);
    const page = await signIn(laptop, server.url, agent.email, AGENT_PASSWORD);

    await page.getByRole('link', { name: 'Cleo Change' }).click();
    await page.getByRole('heading', { name: 'My sessions' }).waitFor();
    await expect.poll(() => page.getByTestId('session').count()).toBe(3);
    await expect(page.getByTestId('session').filter({ hasText: 'This session' }).count()).resolves.toBe(1);

    await page.getByLabel('Current password').fill(AGENT_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('password1234');
    await page.getByLabel('New password again').fill('password1234');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').filter({ hasText: 'most common' }).waitFor();

    await page.getByLabel('New password', { exact: true }).fill('lantern orchard kettle');
    await page.getByLabel('New password again').fill('lantern orchard kettle');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Password changed' }).waitFor();
    await signedOut(elsewhere);
    await expect.poll(() => page.getByTestId('session').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'accounts-my-account.png'), fullPage: true });

    const narrow = await signIn(phone, server.url, agent.email, 'lantern orchard kettle', '/account');
    await narrow.getByRole('heading', { name: 'My sessions' }).waitFor();
    await expect.poll(() => narrow.getByTestId('session').count()).toBe(2);
    await narrow.screenshot({ path: join(ARTIFACTS, 'accounts-my-account-narrow.png'), fullPage: true });
    await laptop.close();
    await phone.close();
  }, 90_000);

  it('an admin resets an agent’s password; the agent sets a new one with the link, without signing in', async () => {
    const { server, browser } = world;
    const agent = await server.createAgent('Rui Reset');
    const agentContext = await newContext(browser);
    const agentPage = await signIn(agentContext, server.url, agent.email, AGENT_PASSWORD);

    const adminContext = await newContext(browser);
    const admin = await signIn(adminContext, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, '/settings');
    admin.on('dialog', (dialog) => void dialog.accept());
    await admin.getByRole('button', { name: "Reset Rui Reset's password" }).click();
    const notice = admin.getByTestId('reset-code');
    await notice.waitFor();
    const link = await admin.getByTestId('reset-link').innerText();
    expect(link).toMatch(new RegExp(`^${server.url}/reset-password#code=[\\w-]{20,}$`));
    await admin.screenshot({ path: join(ARTIFACTS, 'accounts-reset-code.png'), fullPage: true });
    // The reset ends the agent's sessions at once.
    await signedOut(agentPage);

    const stranger = await newContext(browser, NARROW);
    const page = await stranger.newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Set a new password' }).waitFor();
    await expect(page.getByLabel('Reset code').inputValue()).resolves.not.toBe('');
    await page.getByLabel('New password', { exact: true }).fill('harbour violet tram');
    await page.getByLabel('New password again').fill('harbour violet tram');
    await page.screenshot({ path: join(ARTIFACTS, 'accounts-set-password-narrow.png'), fullPage: true });
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('heading', { name: 'Password set' }).waitFor();
    expect(page.url()).toBe(`${server.url}/reset-password`);

    // The link works once.
    const again = await stranger.newPage();
    await again.goto(link);
    await again.getByLabel('New password', { exact: true }).fill('another long phrase');
    await again.getByLabel('New password again').fill('another long phrase');
    await again.getByRole('button', { name: 'Set password' }).click();
    await again.getByRole('alert').filter({ hasText: 'wrong, used or expired' }).waitFor();

    await page.getByRole('button', { name: 'Go to sign-in' }).click();
    await page.getByLabel('Email').fill(agent.email);
    await page.getByLabel('Password').fill('harbour violet tram');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('badge').waitFor();
    await agentContext.close();
    await adminContext.close();
    await stranger.close();
  }, 90_000);

  it('an admin deactivates an agent: the agent is signed out at once, their ticket goes back to the queue, and sign-in says why', async () => {
    const { server, browser } = world;
    const agent = await server.createAgent('Dee Departing');
    const ticket = await createTicket(server, { senderName: 'Kofi Queue' });
    await server.ok('mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }', {
      t: ticket.id,
      a: agent.id,
    });
    const agentContext = await newContext(browser);
    const agentPage = await signIn(agentContext, server.url, agent.email, AGENT_PASSWORD);

    const adminContext = await newContext(browser);
    const admin = await signIn(adminContext, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, '/settings');
    admin.on('dialog', (dialog) => void dialog.accept());
    await admin.getByRole('button', { name: 'Deactivate Dee Departing' }).click();
    const row = admin.getByTestId('agent-row').filter({ hasText: 'Dee Departing' });
    await row.getByText('deactivated').waitFor();
    await row.getByRole('button', { name: 'Reactivate Dee Departing' }).waitFor();

    await signedOut(agentPage);
    await agentPage.getByLabel('Email').fill(agent.email);
    await agentPage.getByLabel('Password').fill(AGENT_PASSWORD);
    await agentPage.getByRole('button', { name: 'Sign in' }).click();
    await agentPage.getByRole('alert').filter({ hasText: 'deactivated' }).waitFor();
    await agentPage.screenshot({ path: join(ARTIFACTS, 'accounts-deactivated-sign-in.png') });

    const assignee = await server.ok('query($id: ID!) { ticket(id: $id) { assignee { id } } }', { id: ticket.id });
    expect(assignee.ticket.assignee).toBeNull();

    // The last admin cannot demote themselves: the server's reason is shown.
    const me = admin.getByTestId('agent-row').filter({ hasText: '(you)' });
    await me.getByRole('button', { name: /^Edit/ }).click();
    const form = admin.getByRole('form', { name: 'Edit Admin' });
    await form.getByLabel('Role').selectOption('AGENT');
    await form.getByRole('button', { name: 'Save' }).click();
    await admin.getByRole('alert').filter({ hasText: 'last active admin' }).waitFor();
    await admin.screenshot({ path: join(ARTIFACTS, 'accounts-agents.png'), fullPage: true });
    await form.getByRole('button', { name: 'Cancel' }).click();

    const narrow = await newContext(browser, NARROW);
    const small = await signIn(narrow, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, '/settings');
    await small.getByRole('heading', { name: 'Agents' }).waitFor();
    await small.getByRole('heading', { name: 'Agents' }).scrollIntoViewIfNeeded();
    await small.screenshot({ path: join(ARTIFACTS, 'accounts-agents-narrow.png') });
    await agentContext.close();
    await adminContext.close();
    await narrow.close();
  }, 90_000);
});
