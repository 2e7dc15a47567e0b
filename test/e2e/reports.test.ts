// Reports in a real browser: an admin reads the figures, the charts and the per-agent table, sees them change
// live when a ticket opens, switches to business hours, and downloads the CSV.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useBrowserWithCloudApi } from '../helpers/browser.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  createTicket,
  delivery,
  openFromWhatsapp,
  postWebhook,
} from '../helpers/harness.js';

const MINUTE = 60_000;
/** The value labels a chart shows (a zero's label is left empty). */
const shown = (texts: string[]) => texts.filter((text) => text !== '');
const REPLY = 'mutation($t: ID!, $b: String!) { sendMessage(ticketId: $t, body: $b) { id } }';
const CLOSE = 'mutation($t: ID!) { closeTicket(ticketId: $t) { id } }';

describe.skipIf(!hasChromium)('reports in a browser', () => {
  const world = useBrowserWithCloudApi({ REPORT_UPDATE_MS: '100', CSAT_SURVEY: 'on' });

  it('an admin reads the report charts, sees them follow a new ticket live, and downloads the CSV', async () => {
    const { server, browser } = world;
    const ann = await server.createAgent('Ann Agent');
    const bob = await server.createAgent('Bob Agent');
    // Ann answers after 12 and 30 minutes and resolves one; Bob answers after 45 minutes and resolves it.
    const tickets = await Promise.all([12, 30, 45].map((minutes) => openFromWhatsapp(server, minutes * MINUTE)));
    await server.ok(REPLY, { t: tickets[0]!.id, b: 'Looking into it' }, ann.token);
    await server.ok(REPLY, { t: tickets[1]!.id, b: 'Looking into it' }, ann.token);
    await server.ok(REPLY, { t: tickets[2]!.id, b: 'On it' }, bob.token);
    await server.ok(CLOSE, { t: tickets[0]!.id }, ann.token);
    await server.ok(CLOSE, { t: tickets[2]!.id }, bob.token);
    await createTicket(server, { senderName: 'Cy Waiting' });
    // The two people rate their resolved tickets from the survey's buttons: good for Ann's, okay for Bob's.
    for (const [ticket, rating] of [
      [tickets[0]!, 'good'],
      [tickets[2]!, 'okay'],
    ] as const) {
      const tap = {
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: `csat:${ticket.id}:${rating}`, title: rating } },
      };
      const body = delivery({
        contacts: [{ profile: { name: 'Pat' }, wa_id: ticket.phone }],
        messages: [
          {
            from: ticket.phone,
            id: `wamid.REPORT${ticket.id}${rating}`,
            timestamp: String(Math.floor(Date.now() / 1000)),
            ...tap,
          },
        ],
      });
      expect((await postWebhook(server, body)).status).toBe(200);
    }

    const context = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
      locale: 'en-GB',
      acceptDownloads: true,
    });
    context.setDefaultTimeout(10_000);
    const page = await signIn(context, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports' }).waitFor();
    await page.getByLabel('Range').selectOption('7');

    // The totals, and the daily chart's bars for today: 4 opened, 2 resolved.
    await expect.poll(() => page.getByTestId('figure-opened').locator('strong').textContent()).toBe('4');
    await expect.poll(() => page.getByTestId('figure-resolved').locator('strong').textContent()).toBe('2');
    await expect.poll(() => page.getByTestId('figure-backlog').locator('strong').textContent()).toBe('2');
    const daily = page.getByTestId('daily-chart');
    await expect.poll(() => daily.locator('text.label-opened').allTextContents().then(shown)).toEqual(['4']);
    expect(await daily.locator('text.label-resolved').allTextContents().then(shown)).toEqual(['2']);
    expect(await daily.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(2);

    // First response per agent: Ann's median is her faster reply (nearest rank of two), p90 the slower.
    const firstResponse = page.getByTestId('first-response-chart');
    await expect
      .poll(() =>
        firstResponse.locator('text.recharts-cartesian-axis-tick-value[orientation="left"]').allTextContents(),
      )
      .toEqual(['Ann Agent', 'Bob Agent']);
    expect(await firstResponse.locator('text.label-median').allTextContents().then(shown)).toEqual([
      '12 min',
      '45 min',
    ]);
    expect(await firstResponse.locator('text.label-p90').allTextContents().then(shown)).toEqual(['30 min', '45 min']);
    const annRow = page.getByTestId('agent-table').getByRole('row', { name: /Ann Agent/ });
    expect(await annRow.getByRole('cell').allTextContents()).toEqual([
      '2',
      '1',
      '1',
      '12 min / 30 min',
      '12 min / 12 min',
      '1 / 0 / 0',
    ]);
    expect(await page.getByTestId('figure-satisfaction').locator('strong').textContent()).toBe('50%');
    await page.screenshot({ path: join(ARTIFACTS, 'reports.png'), fullPage: true });

    // Live: a ticket opened elsewhere shows in the figures and the chart without a reload.
    await createTicket(server, { senderName: 'Dee Later' });
    await expect.poll(() => page.getByTestId('figure-opened').locator('strong').textContent()).toBe('5');
    await expect.poll(() => daily.locator('text.label-opened').allTextContents().then(shown)).toEqual(['5']);

    // Business hours: with none kept, the same times.
    await page.getByLabel('Times in').selectOption('BUSINESS');
    await expect.poll(() => page.getByTestId('figure-first-response').locator('strong').textContent()).toBe('30 min');

    // CSV: the days of the range, today's last.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download days (CSV)' }).click(),
    ]);
    const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\r\n');
    expect(lines[0]).toBe('date,opened,resolved,backlog');
    expect(lines).toHaveLength(8);
    expect(lines[7]).toMatch(/^\d{4}-\d{2}-\d{2},5,2,3$/);
    await context.close();

    // On a phone: the same page in one column, nothing wider than the screen.
    const narrow = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-GB' });
    narrow.setDefaultTimeout(10_000);
    const mobile = await signIn(narrow, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, '/reports');
    await mobile.getByTestId('first-response-chart').locator('text.label-median').first().waitFor();
    await mobile.screenshot({ path: join(ARTIFACTS, 'reports-mobile.png'), fullPage: true });
    expect(await mobile.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await narrow.close();
  });
});
