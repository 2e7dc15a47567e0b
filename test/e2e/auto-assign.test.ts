// Automatic assignment in a real browser: an admin turns round-robin on in Settings, an agent sets
// themselves available in the header, and a new WhatsApp ticket appears in their list assigned to them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, inboundText, postWebhook } from '../helpers/harness.js';

describe.skipIf(!hasChromium)('automatic assignment in a browser', () => {
  const world = useServerAndBrowser();

  const personWrites = async (phone: string, text: string) => {
    const response = await postWebhook(world.server, inboundText(phone, text, { name: 'Tomás Reyes' }).body, {
      secret: world.server.server.services.config.whatsapp.appSecret,
    });
    expect(response.status).toBe(200);
  };

  it('an agent sets themselves available; a new WhatsApp ticket appears assigned to them, and Settings shows their load', async () => {
    const agent = await world.server.createAgent('Priya Agent');
    const adminContext = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const admin = await signIn(adminContext, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD, '/settings');
    const routing = admin.getByRole('region', { name: 'Automatic assignment' });
    await routing.getByLabel('Mode').selectOption('ROUND_ROBIN');
    await routing.getByLabel('Default capacity (open tickets per agent)').fill('3');
    await routing.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => (await world.server.ok('{ routing { mode defaultCapacity } }')).routing)
      .toEqual({ mode: 'ROUND_ROBIN', defaultCapacity: 3 });

    const agentContext = await world.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const page = await signIn(agentContext, world.server.url, agent.email, 'agent password 1');
    const status = page.getByRole('button', { name: 'Your status: Away' });
    await status.click();
    await page.getByRole('menuitemradio', { name: /Online/ }).click();
    await page.getByRole('button', { name: 'Your status: Online' }).waitFor();
    const row = admin.getByTestId(`routing-agent-${agent.id}`);
    await expect.poll(() => row.innerText()).toMatch(/Online/);

    const phone = '447700900931';
    await personWrites(phone, 'hi');
    await personWrites(phone, '1');
    await personWrites(phone, 'I was charged twice for the exam fee');
    const ticket = page
      .getByRole('region', { name: 'Tickets' })
      .getByTestId('ticket-row')
      .filter({ hasText: 'Tomás Reyes' });
    await expect.poll(() => ticket.innerText()).toContain('Priya Agent');
    await page.screenshot({ path: join(ARTIFACTS, 'auto-assign-agent.png') });

    // The admin's Settings shows the load live: 1 of 3.
    await expect.poll(() => row.innerText()).toMatch(/1 \/ 3/);
    await admin.screenshot({ path: join(ARTIFACTS, 'auto-assign-settings.png'), fullPage: true });
    await adminContext.close();
    await agentContext.close();
  }, 60_000);
});
