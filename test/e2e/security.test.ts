// The admin UI under its Content-Security-Policy, in a real browser, on a production-mode server: everything an
// agent does works with no violation reported, the page refuses to load inside another site's frame, and no
// script on the page can read the session.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/harness.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  WHATSAPP_APP_SECRET: 'browser-security-app-secret-0123456789',
  WHATSAPP_VERIFY_TOKEN: 'browser-security-verify',
};

/** Every CSP violation the page reports, as the console says it and as the DOM event says it. */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('reportCspViolation', (_source, text: string) => void violations.push(text));
  await context.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (event) => window.reportCspViolation(event.violatedDirective + ' ' + event.blockedURI));",
  });
  context.on('console', (message) => {
    if (/content security policy|refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe.skipIf(!hasChromium)('the admin UI under its security headers', () => {
  const world = useServerAndBrowser(PRODUCTION);
  // Another site, on another origin, that tries to frame the desk.
  let framing: Server;
  let framingUrl: string;
  beforeAll(async () => {
    framing = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(
        `<!doctype html><title>Not the desk</title><h1>A page that frames the desk</h1><iframe src="${world.server.url}/" width="800" height="500"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => framing.listen(0, 'localhost', resolve));
    framingUrl = `http://localhost:${(framing.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => framing?.close(() => resolve())));

  it('works with no CSP violation: sign in, the list, a ticket, a reply, a live message, reports', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const violations = await watchViolations(context);
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);

    const phone = '447700900777';
    const send = (variables: Record<string, string>) =>
      world.server.ok(
        'mutation($p: String!, $n: String, $t: String, $c: String, $ct: String) { simulatorSend(phoneNumber: $p, name: $n, text: $t, choiceId: $c, choiceTitle: $ct) { id } }',
        { p: phone, n: 'Cyd Policy', ...variables },
      );
    await send({ t: 'Hello' });
    await send({ c: 'chat_support', ct: '💬 Chat Support' });
    await send({ t: 'My timetable will not load' });
    const row = page.getByTestId('ticket-row').filter({ hasText: 'Cyd Policy' });
    await row.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'csp-list.png') });

    await row.click();
    await page.getByTestId('message').filter({ hasText: 'My timetable will not load' }).waitFor();
    const reply = page.getByLabel('Reply to the customer');
    await reply.fill('Hi Cyd, it should load now.');
    await reply.press('Enter');
    await page.getByTestId('message').filter({ hasText: 'it should load now' }).waitFor();
    // The person answers: it arrives over the WebSocket, which the CSP's connect-src must allow.
    await send({ t: 'Yes, thank you!' });
    await page.getByTestId('message').filter({ hasText: 'Yes, thank you!' }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'csp-detail.png') });

    // The reports screen draws charts (Recharts sets inline styles through the DOM).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByTestId('daily-chart').locator('.recharts-surface').first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'csp-reports.png') });

    expect(violations).toEqual([]);
    // The watch itself works: an injected inline script is refused, and reported.
    await page.evaluate(
      "const script = document.createElement('script'); script.textContent = 'window.ran = true'; document.body.append(script);",
    );
    await expect.poll(() => violations.some((text) => text.includes('script-src'))).toBe(true);
    expect(await page.evaluate('window.ran')).toBeUndefined();
    await context.close();
  }, 90_000);

  it('keeps the session out of reach of page scripts: an HttpOnly cookie, nothing in localStorage', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const session = (await context.cookies()).find((cookie) => cookie.name === 'support_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(session!.value).toMatch(/^sess_/);
    const stored = await page.evaluate(() => Object.entries(localStorage).map(([key, value]) => `${key}=${value}`));
    expect(stored.join('\n')).not.toContain(session!.value);
    expect(stored.join('\n')).not.toMatch(/sess_|Bearer/);
    expect(await page.evaluate('document.cookie')).not.toContain('support_session');

    // Sign-out ends the session on the server and the cookie in the browser.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect((await context.cookies()).find((cookie) => cookie.name === 'support_session')).toBeUndefined();
    expect((await world.server.gql('{ me { id } }', {}, session!.value)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    await context.close();
  });

  it('refuses to load inside another site’s frame', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1024, height: 700 } });
    const violations = await watchViolations(context);
    const page: Page = await context.newPage();
    await page.goto(framingUrl);
    await page.getByRole('heading', { name: 'A page that frames the desk' }).waitFor();
    await expect.poll(() => violations.some((text) => text.includes('frame-ancestors'))).toBe(true);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    expect(framed?.url().startsWith(world.server.url)).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'csp-framed.png') });
    await context.close();
  });
});
