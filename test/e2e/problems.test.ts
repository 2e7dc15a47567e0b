// Parked webhook elements in a real browser: the admin's header counts them live, the Problems page lists them
// (kind, sender, error, raw JSON folded) with Retry and Dismiss, at 1440 px and on a 375 px phone; agents see none of it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useBrowserWithCloudApi } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, delivery, postWebhook, uniquePhone } from '../helpers/harness.js';

describe.skipIf(!hasChromium)('parked elements in a browser', () => {
  const world = useBrowserWithCloudApi();
  const seconds = () => String(Math.floor(Date.now() / 1000));

  it('an admin sees the count arrive, reads the parked elements, retries one and dismisses the other; an agent sees nothing of it', async () => {
    const { server, browser } = world;
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const page = await signIn(context, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await expect(page.getByTestId('parked-badge').count()).resolves.toBe(0);

    const phone = uniquePhone();
    const body = delivery({
      contacts: [{ profile: { name: 'Ngozi Bello' }, wa_id: phone }],
      messages: [
        {
          from: phone,
          id: `wamid.E2E-GOOD-${seconds()}`,
          timestamp: seconds(),
          type: 'text',
          text: { body: 'Hello, I need help with my fees' },
        },
        {
          from: phone,
          id: `wamid.E2E-MEDIA-${seconds()}`,
          timestamp: seconds(),
          type: 'image',
          image: { id: '7'.repeat(129), mime_type: 'image/jpeg', caption: 'my receipt' },
        },
        {
          from: '4'.repeat(33),
          id: `wamid.E2E-SENDER-${seconds()}`,
          timestamp: seconds(),
          type: 'text',
          text: { body: 'from a number no one has' },
        },
      ],
    });
    expect((await postWebhook(server, body)).status).toBe(200);
    await page.getByTestId('parked-badge').filter({ hasText: '2 parked' }).waitFor();
    await page.getByRole('link', { name: 'Problems (2)' }).click();
    const problems = page.getByTestId('problem');
    await problems.nth(1).waitFor();
    await expect(problems.count()).resolves.toBe(2);
    // Newest first: the 33-digit sender came last in the delivery.
    await expect(problems.nth(0).innerText()).resolves.toContain('sender longer than 32 digits');
    await expect(problems.nth(1).innerText()).resolves.toMatch(
      /Message[\s\S]*from \+\d+[\s\S]*INVALID_ID media id longer than 128 characters/,
    );
    await problems.nth(1).getByText('Raw JSON').click();
    await expect(problems.nth(1).locator('pre').innerText()).resolves.toContain('"caption": "my receipt"');
    await page.screenshot({ path: join(ARTIFACTS, 'problems-1440.png'), fullPage: true });

    await problems.nth(1).getByRole('button', { name: 'Retry' }).click();
    await problems.nth(1).getByRole('status').filter({ hasText: 'Refused again' }).waitFor();
    await expect(problems.nth(1).innerText()).resolves.toContain('tried 2 times');
    await problems.nth(0).getByRole('button', { name: 'Dismiss' }).click();
    await page.getByText('1 element is waiting.').waitFor();
    await page.getByTestId('parked-badge').filter({ hasText: '1 parked' }).waitFor();

    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(200);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(ARTIFACTS, 'problems-375.png'), fullPage: true });
    await context.close();

    const agent = await server.createAgent('Ade Agent');
    const agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const agentPage = await signIn(agentContext, server.url, agent.email, 'agent password 1');
    await expect(agentPage.getByRole('link', { name: /Problems/ }).count()).resolves.toBe(0);
    await expect(agentPage.getByTestId('parked-badge').count()).resolves.toBe(0);
    await agentContext.close();
  }, 90_000);
});
