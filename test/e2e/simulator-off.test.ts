// A desk whose simulator is off (as in production) does not offer it: no Simulator link in the header, and the
// empty desk explains how tickets arrive without pointing at a page that would answer "forbidden".
import { describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, signIn } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer } from '../helpers/harness.js';

describe.skipIf(!hasChromium)('the dashboard with the simulator off', () => {
  it('shows no Simulator link anywhere', async () => {
    const server = await startServer('sqlite', { WHATSAPP_SIMULATOR: 'off' });
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await signIn(context, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tickets' }).waitFor();
      expect(await page.getByRole('link', { name: /simulator/i }).count()).toBe(0);
      // With the simulator on, the same header has the link (so the check above can fail).
      const on = await startServer('sqlite', { WHATSAPP_SIMULATOR: 'on' });
      try {
        const onPage = await signIn(await browser.newContext(), on.url, ADMIN_EMAIL, ADMIN_PASSWORD);
        await onPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Simulator' }).waitFor();
      } finally {
        await on.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }, 90_000);
});
