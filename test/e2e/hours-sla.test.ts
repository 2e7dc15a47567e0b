// The admin's path in a real browser: business hours and an SLA set in Settings, then a ticket near its
// first-response target shown highlighted in the list and the detail.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, inboundText, postWebhook } from '../helpers/harness.js';

const MINUTE = 60_000;

describe.skipIf(!hasChromium)('business hours and SLA in a browser', () => {
  const world = useServerAndBrowser();

  const personWrites = async (phone: string, text: string, sentAt?: Date) => {
    const response = await postWebhook(world.server, inboundText(phone, text, { name: 'Tunde Bello', sentAt }).body, {
      secret: world.server.server.services.config.whatsapp.appSecret,
    });
    expect(response.status).toBe(200);
  };

  it('an admin sets hours and an SLA; a ticket at risk shows highlighted in the list and the detail', async () => {
    const context = await world.browser.newContext({
      viewport: { width: 1440, height: 1100 },
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Settings' }).click();

    // Hours: all of yesterday and today (UTC), so that the ticket below is counted in business time.
    const hours = page.getByRole('form', { name: 'Business hours' });
    await hours.getByLabel('Time zone').fill('UTC');
    const today = ((new Date().getUTCDay() + 6) % 7) + 1;
    for (const weekday of [today === 1 ? 7 : today - 1, today]) {
      await hours.getByRole('button', { name: 'Add hours' }).click();
      const row = hours.locator('tbody tr').last();
      await row.getByLabel('Day').selectOption(String(weekday));
      await row.getByLabel('From').fill('00:00');
      await row.getByLabel('To').fill('24:00');
    }
    await hours.getByRole('button', { name: 'Add holiday' }).click();
    await hours.getByLabel('Holiday date').fill('2026-12-25');
    await hours.getByLabel('Holiday name').fill('Christmas Day');
    await hours.getByRole('button', { name: 'Save hours' }).click();
    await hours.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    // A bad SLA is refused with the server's message; a good one is saved.
    const sla = page.getByRole('form', { name: 'SLA targets' });
    await sla.getByLabel('medium first response minutes').fill('-5');
    await sla.getByRole('button', { name: 'Save SLA' }).click();
    await sla.getByRole('alert').filter({ hasText: 'must be a whole number of minutes above 0' }).waitFor();
    await sla.getByLabel('medium first response minutes').fill('10');
    await sla.getByLabel('medium resolution minutes').fill('240');
    await sla.getByRole('button', { name: 'Save SLA' }).click();
    await sla.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'hours-sla-settings.png'), fullPage: true });
    const saved = await world.server.ok(
      '{ businessHours { timeZone intervals { weekday } holidays { name } } slaPolicy { targets { priority firstResponseMinutes resolutionMinutes } } }',
    );
    expect(saved.businessHours).toMatchObject({ timeZone: 'UTC', holidays: [{ name: 'Christmas Day' }] });
    expect(saved.slaPolicy.targets).toEqual([{ priority: 'MEDIUM', firstResponseMinutes: 10, resolutionMinutes: 240 }]);

    // A person wrote 9 minutes ago (the delivery's timestamp): 90 % of the 10-minute target has passed.
    await personWrites('447700900901', 'chat support');
    await personWrites(
      '447700900901',
      'My student card does not open the library gates',
      new Date(Date.now() - 9 * MINUTE),
    );
    await personWrites('447700900902', 'chat support');
    await personWrites('447700900902', 'How do I change my course?');
    await page.getByRole('link', { name: 'Tickets' }).click();
    const list = page.getByRole('region', { name: 'Tickets' });
    const late = list.getByTestId('ticket-row').filter({ hasText: '+447700900901' });
    await late.getByTestId('sla-pill').filter({ hasText: 'SLA at risk' }).waitFor();
    expect(await late.getAttribute('class')).toContain('sla-at-risk');
    const onTime = list.getByTestId('ticket-row').filter({ hasText: '+447700900902' });
    expect(await onTime.getByTestId('sla-pill').count()).toBe(0);

    // The SLA filter shows only the late one.
    await list.getByLabel('Filter by SLA').selectOption('late');
    await expect.poll(() => list.getByTestId('ticket-row').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'hours-sla-list.png') });

    await late.click();
    const banner = page.getByTestId('sla-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/SLA at risk · First response due/);
    expect(await banner.getAttribute('class')).toContain('sla-at-risk');
    await page.screenshot({ path: join(ARTIFACTS, 'hours-sla-detail.png') });
    await context.close();
  });
});
